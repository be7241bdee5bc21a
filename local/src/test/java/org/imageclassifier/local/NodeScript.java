package org.imageclassifier.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a Node.js script of {@code src/test/node} and returns what it printed on stdout. */
final class NodeScript {

  private static final Path FOLDER = Path.of("src", "test", "node");

  private NodeScript() {}

  /**
   * Runs the script with Node.js ({@code node} on the PATH, or {@code -Ddynalite.node}) and fails
   * the calling test, with the script's stderr, when it times out or exits with a non-zero status.
   *
   * @param script the file name in {@code src/test/node}
   * @param output a folder for the captured stdout and stderr
   * @param timeoutSeconds how long the script may run
   * @param arguments the script's arguments
   */
  static String run(String script, Path output, long timeoutSeconds, String... arguments)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("dynalite.node", "node"));
    command.add(FOLDER.resolve(script).toString());
    command.addAll(List.of(arguments));
    Path stdout = output.resolve(script + ".out");
    Path stderr = output.resolve(script + ".err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String errors = Files.readString(stderr, StandardCharsets.UTF_8);
    assertThat(finished).as("%s finished within %d s: %s", script, timeoutSeconds, errors).isTrue();
    assertThat(process.exitValue()).as("%s exit status: %s", script, errors).isZero();
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }
}
