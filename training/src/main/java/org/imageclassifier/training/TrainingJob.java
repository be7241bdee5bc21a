package org.imageclassifier.training;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the training container, run as {@code <image> train} the way SageMaker starts a
 * bring-your-own-container training job. It reads the hyperparameters and channels under {@code
 * /opt/ml}, trains, and writes the model folder to {@code /opt/ml/model}.
 *
 * <p>Exit status: 0 on success, 1 when the job fails, 2 on invalid arguments, hyperparameters or
 * channel settings. On failure the reason goes to {@code /opt/ml/output/failure}. On SIGTERM (a
 * StopTrainingJob request) the job saves a checkpoint to {@code /opt/ml/checkpoints} and exits with
 * the JVM's SIGTERM status 143; a restarted job resumes from the checkpoint.
 *
 * <p>Sets {@code ai.djl.offline=true} before DJL starts, so DJL never downloads an engine: the
 * PyTorch and ONNX Runtime native libraries come from jars on the class path.
 */
public final class TrainingJob {

  /** Help text listing the arguments, the environment and the hyperparameters. */
  public static final String USAGE =
      """
      Usage: TrainingJob train [--ml-root DIR] [--checkpoint-dir DIR]

      Runs a SageMaker-style training job. Reads <root>/input/config/hyperparameters.json and the
      channels <root>/input/data/train (required), validation and test (optional), each with one
      pair of gzip IDX files or one image subfolder per class. An optional model channel with the
      network.params of an earlier run's checkpoint sets the starting weights. Writes the model
      folder to <root>/model and saves checkpoints to <root>/checkpoints.

      Options:
        --ml-root DIR         root folder (default: $ML_ROOT, else /opt/ml)
        --checkpoint-dir DIR  checkpoint folder (default <root>/checkpoints)
        --help                print this text

      The SageMaker training toolkit variables SM_MODEL_DIR, SM_INPUT_DIR, SM_INPUT_CONFIG_DIR,
      SM_OUTPUT_DIR, SM_OUTPUT_DATA_DIR, SM_CHANNEL_<NAME>, SM_HPS and SM_INPUT_DATA_CONFIG win
      over the defaults when set.

      """
          + HyperparameterParser.USAGE;

  /** Exit status of a failed job. */
  public static final int FAILED = 1;

  /** Exit status of invalid arguments, hyperparameters or channel settings. */
  public static final int INVALID = 2;

  /** SageMaker shows this many characters of the failure file. */
  static final int FAILURE_SHOWN = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(TrainingJob.class);

  /** Seconds the SIGTERM hook waits for the checkpoint; SageMaker kills the job after 120 s. */
  private static final long STOP_GRACE_SECONDS = 110;

  private TrainingJob() {}

  /**
   * Runs the job and exits with its status.
   *
   * @param args {@code train} and options; see {@link #USAGE}
   */
  public static void main(String[] args) {
    System.setProperty("ai.djl.offline", "true");
    StopSignal stop = new StopSignal();
    CountDownLatch finished = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> awaitStop(stop, finished), "sigterm"));
    int status = run(args, System.getenv(), stop);
    finished.countDown();
    if (!stop.requested()) {
      System.exit(status);
    }
  }

  /**
   * Runs the job without exiting.
   *
   * @param environment the process environment, for {@code ML_ROOT} and the SM_* variables
   * @return the exit status
   */
  public static int run(String[] args, Map<String, String> environment, StopSignal stop) {
    Instant started = Instant.now();
    JobArguments arguments;
    try {
      arguments = JobArguments.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return INVALID;
    }
    if (arguments.help()) {
      System.out.print(USAGE);
      return 0;
    }
    JobPaths paths =
        JobPaths.resolve(arguments.root(), arguments.checkpointDirectory(), environment);
    return train(paths, stop, started);
  }

  private static int train(JobPaths paths, StopSignal stop, Instant started) {
    JobSettings settings;
    try {
      SageMakerConfig.checkInputModes(paths);
      settings = HyperparameterParser.parse(SageMakerConfig.hyperparameters(paths));
    } catch (IllegalArgumentException | IOException e) {
      return fail(paths, INVALID, e);
    }
    try {
      LOG.info(
          "training job started: root={} checkpoints={}",
          paths.root(),
          paths.checkpointDirectory());
      TrainingPipeline.run(paths, settings, stop, System.out, started);
      return 0;
    } catch (TrainingStoppedException e) {
      LOG.warn("training job stopped: {}", e.getMessage());
      return FAILED;
    } catch (IllegalArgumentException e) {
      return fail(paths, INVALID, e);
    } catch (Exception e) {
      return fail(paths, FAILED, e);
    }
  }

  /** Writes the failure file and returns the status. */
  private static int fail(JobPaths paths, int status, Exception e) {
    LOG.error("training job failed: {}", e.getMessage(), e);
    try {
      Files.createDirectories(paths.outputDirectory());
      Files.writeString(paths.failureFile(), failureText(e), StandardCharsets.UTF_8);
    } catch (IOException writeError) {
      LOG.error("cannot write the failure file {}", paths.failureFile(), writeError);
    }
    return status;
  }

  /** Returns the reason first, so that the part SageMaker shows names it, then the stack trace. */
  static String failureText(Exception e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return e.getClass().getSimpleName() + ": " + e.getMessage() + "\n\n" + trace;
  }

  private static void awaitStop(StopSignal stop, CountDownLatch finished) {
    stop.request();
    try {
      if (!finished.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
        LOG.error("training job did not stop within {} s of SIGTERM", STOP_GRACE_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The command-line arguments.
   *
   * @param help whether {@code --help} was given
   * @param root the {@code --ml-root} folder, or null
   * @param checkpointDirectory the {@code --checkpoint-dir} folder, or null
   */
  record JobArguments(boolean help, Path root, Path checkpointDirectory) {

    static JobArguments parse(String[] args) {
      boolean help = false;
      Path root = null;
      Path checkpoints = null;
      boolean commandSeen = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--help" -> help = true;
          case "train" -> commandSeen = true;
          case "--ml-root" -> root = Path.of(value(args, i++));
          case "--checkpoint-dir" -> checkpoints = Path.of(value(args, i++));
          default ->
              throw new IllegalArgumentException(
                  "Unknown argument '" + args[i] + "'. Run with --help to list the arguments.");
        }
      }
      if (!commandSeen && !help) {
        throw new IllegalArgumentException(
            "Missing command: start the container as '<image> train'. Run with --help for details.");
      }
      return new JobArguments(help, root, checkpoints);
    }

    private static String value(String[] args, int index) {
      if (index + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + args[index] + " needs a value.");
      }
      return args[index + 1];
    }
  }
}
