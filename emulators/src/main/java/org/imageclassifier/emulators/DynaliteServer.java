package org.imageclassifier.emulators;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DynamoDB API server on a free loopback port: the npm package {@code dynalite} run by Node.js as
 * a child process, storing tables in memory. Tables become ACTIVE at once because the create,
 * delete and update delays are set to 0 ms. The process is killed on {@link #close()} and, as a
 * fallback, when the JVM exits normally.
 *
 * <p>The package is found by walking up from the working directory to the first {@code
 * node_modules/dynalite}; {@value #HOME_PROPERTY} overrides that search and {@value #NODE_PROPERTY}
 * names the Node.js executable (default {@code node} on the PATH).
 */
public final class DynaliteServer implements AutoCloseable {

  /** System property with the folder of the dynalite package, for example node_modules/dynalite. */
  public static final String HOME_PROPERTY = "dynalite.home";

  /** System property with the Node.js executable; {@code node} on the PATH when unset. */
  public static final String NODE_PROPERTY = "dynalite.node";

  private static final Logger LOG = LoggerFactory.getLogger(DynaliteServer.class);
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
  private static final int START_ATTEMPTS = 3;
  private static final String READY_LINE = "Dynalite listening at";

  private final Process process;
  private final Path logFile;
  private final URI endpoint;
  private final Thread shutdownHook;

  private DynaliteServer(Process process, Path logFile, int port, Thread shutdownHook) {
    this.process = process;
    this.logFile = logFile;
    this.endpoint = URI.create("http://" + LocalCredentials.HOST + ":" + port);
    this.shutdownHook = shutdownHook;
  }

  /**
   * Starts dynalite on 127.0.0.1 and a free port and waits until the port accepts connections.
   *
   * @throws IOException when the package or Node.js is missing, or the server does not start
   */
  public static DynaliteServer start() throws IOException {
    Path cli = locateHome().resolve("cli.js");
    IOException failure = null;
    // A free port can be taken by another process between the probe and node's bind, so a
    // failed start is tried again on a new port.
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      try {
        return startOnce(cli, freePort());
      } catch (IOException e) {
        failure = e;
        LOG.warn("dynalite start attempt {} of {} failed", attempt, START_ATTEMPTS, e);
      }
    }
    throw failure;
  }

  /** Returns the endpoint for DynamoDB clients, {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return endpoint;
  }

  /** Stops the Node.js process; every table and item is lost. */
  @Override
  public void close() {
    removeShutdownHook();
    stop(process);
    deleteQuietly(logFile);
    LOG.info("dynalite at {} stopped (pid {})", endpoint, process.pid());
  }

  static Path locateHome() throws IOException {
    String override = System.getProperty(HOME_PROPERTY);
    if (override != null && !override.isBlank()) {
      return requirePackage(Path.of(override));
    }
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("node_modules").resolve("dynalite");
      if (Files.isRegularFile(candidate.resolve("cli.js"))) {
        return candidate;
      }
    }
    throw new IOException(
        "node_modules/dynalite not found in %s or any parent folder. Run `npm ci` in the repository root, or set -D%s=/path/to/node_modules/dynalite"
            .formatted(start, HOME_PROPERTY));
  }

  private static Path requirePackage(Path home) throws IOException {
    if (!Files.isRegularFile(home.resolve("cli.js"))) {
      throw new IOException(
          "%s=%s has no cli.js. Point it at the dynalite package folder, for example node_modules/dynalite"
              .formatted(HOME_PROPERTY, home));
    }
    return home;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(LocalCredentials.HOST, 0));
      return socket.getLocalPort();
    }
  }

  private static DynaliteServer startOnce(Path cli, int port) throws IOException {
    Path logFile = Files.createTempFile("dynalite-", ".log");
    Process process = launch(cli, port, logFile);
    Thread shutdownHook = new Thread(process::destroyForcibly, "dynalite-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    DynaliteServer server = new DynaliteServer(process, logFile, port, shutdownHook);
    try {
      awaitReady(process, logFile, port);
    } catch (IOException e) {
      server.close();
      throw e;
    }
    LOG.info("dynalite started at {} (pid {})", server.endpoint, process.pid());
    return server;
  }

  private static Process launch(Path cli, int port, Path logFile) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty(NODE_PROPERTY, "node"));
    command.add(cli.toString());
    command.addAll(List.of("--host", LocalCredentials.HOST, "--port", Integer.toString(port)));
    command.addAll(List.of("--createTableMs", "0", "--deleteTableMs", "0"));
    command.addAll(List.of("--updateTableMs", "0"));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
    try {
      return builder.start();
    } catch (IOException e) {
      throw new IOException(
          "Cannot run Node.js (%s). Install Node.js 20 or newer, or set -D%s=/path/to/node"
              .formatted(e.getMessage(), NODE_PROPERTY),
          e);
    }
  }

  private static void awaitReady(Process process, Path logFile, int port) throws IOException {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            "dynalite exited with code %d on port %d: %s"
                .formatted(process.exitValue(), port, read(logFile)));
      }
      if (read(logFile).contains(READY_LINE) && accepts(port)) {
        return;
      }
      pause();
    }
    throw new IOException(
        "dynalite did not accept connections on port %d within %d s: %s"
            .formatted(port, STARTUP_TIMEOUT.toSeconds(), read(logFile)));
  }

  /** Returns whether a TCP connection to the port on 127.0.0.1 succeeds within 500 ms. */
  static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(LocalCredentials.HOST, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void pause() throws IOException {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while waiting for dynalite to start", e);
    }
  }

  private static String read(Path logFile) throws IOException {
    return Files.readString(logFile, StandardCharsets.UTF_8).strip();
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down and the hook kills the process.
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Cannot delete dynalite log {}", file, e);
    }
  }
}
