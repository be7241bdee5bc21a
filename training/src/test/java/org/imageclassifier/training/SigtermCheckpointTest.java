package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.imageclassifier.core.model.ModelPackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stops a training job in a child JVM with SIGTERM, as StopTrainingJob does, and restarts it: the
 * first run saves a checkpoint and exits, the second resumes and finishes.
 */
class SigtermCheckpointTest {

  private static final int EPOCHS = 4;

  @TempDir Path root;

  @Test
  void sigtermSavesCheckpointAndRestartResumes() throws Exception {
    Map<String, String> hyperparameters = new HashMap<>(TrainingJobTest.SMALL_RUN);
    hyperparameters.put("epochs", Integer.toString(EPOCHS));
    hyperparameters.put("train_limit", "1000");
    hyperparameters.put("batch_size", "20");
    TestData.layOut(
        root,
        Map.of("train", TestData.fashionTrain(), "test", TestData.fashionTest()),
        hyperparameters);

    Process child = startJob();
    String firstEpoch = readUntilFirstEpoch(child);
    child.destroy();
    boolean exited = child.waitFor(120, TimeUnit.SECONDS);

    assertThat(exited).isTrue();
    assertThat(child.exitValue()).isEqualTo(143);
    assertThat(root.resolve("model/model.onnx")).doesNotExist();
    TrainingState saved =
        ModelPackage.mapper()
            .readValue(root.resolve("checkpoints/checkpoint.json").toFile(), TrainingState.class);
    assertThat(saved.completedEpochs()).isBetween(1, EPOCHS - 1);

    int status =
        TrainingJob.run(
            new String[] {"train", "--ml-root", root.toString()}, Map.of(), new StopSignal());

    assertThat(status).isZero();
    JsonNode history =
        ModelPackage.mapper()
            .readTree(root.resolve("model/model.json").toFile())
            .path("training")
            .path("history");
    assertThat(history).hasSize(EPOCHS);
    assertThat(ProgressPrinter.line(epoch(history.get(0)), 0).split(" elapsed_seconds")[0])
        .isEqualTo(firstEpoch.split(" elapsed_seconds")[0]);
  }

  private Process startJob() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(TrainingJob.class.getName());
    command.add("train");
    command.add("--ml-root");
    command.add(root.toString());
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** Reads the child's output until its first metrics line and returns that line. */
  private static String readUntilFirstEpoch(Process child) throws Exception {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.startsWith("epoch=1 ")) {
        Thread drainer = new Thread(() -> drain(reader));
        drainer.setDaemon(true);
        drainer.start();
        return line;
      }
    }
    throw new AssertionError("the child job ended before its first epoch, exit " + child.waitFor());
  }

  private static void drain(BufferedReader reader) {
    try {
      while (reader.readLine() != null) {
        // Keeps the pipe empty so the child never blocks on output.
      }
    } catch (java.io.IOException e) {
      // The child exited.
    }
  }

  private static EpochMetrics epoch(JsonNode node) throws Exception {
    return ModelPackage.mapper().treeToValue(node, EpochMetrics.class);
  }
}
