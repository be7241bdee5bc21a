package org.imageclassifier.training;

import java.time.Instant;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command-line entry point: trains the Fashion-MNIST CNN and writes model.onnx and model.json. Run
 * {@code ./mvnw -pl training compile exec:java -Dexec.args="--help"} to list the options.
 *
 * <p>Sets {@code ai.djl.offline=true} before DJL starts, so DJL never downloads an engine: the
 * PyTorch and ONNX Runtime native libraries come from jars on the class path.
 */
public final class TrainingJob {

  private static final Logger LOG = LoggerFactory.getLogger(TrainingJob.class);

  private TrainingJob() {}

  /**
   * Runs the job and exits with status 0 on success, 1 on failure and 2 on invalid options.
   *
   * @param args {@code --name value} pairs; see {@link JobOptions#USAGE}
   */
  public static void main(String[] args) {
    System.setProperty("ai.djl.offline", "true");
    if (Arrays.asList(args).contains("--help")) {
      System.out.print(JobOptions.USAGE);
      return;
    }
    System.exit(run(args));
  }

  private static int run(String[] args) {
    JobOptions options;
    try {
      options = JobOptions.parse(args, Instant.now());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    try {
      TrainingPipeline.run(options);
      return 0;
    } catch (Exception e) {
      LOG.error("training job failed: {}", e.getMessage(), e);
      return 1;
    }
  }
}
