package org.imageclassifier.training;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The folders a SageMaker training job reads and writes, under a root that is {@code /opt/ml} in a
 * SageMaker container. The SageMaker training toolkit variables win over the defaults under the
 * root: {@code SM_MODEL_DIR}, {@code SM_INPUT_DIR}, {@code SM_INPUT_CONFIG_DIR}, {@code
 * SM_OUTPUT_DIR}, {@code SM_OUTPUT_DATA_DIR} and {@code SM_CHANNEL_<NAME>}.
 *
 * @param root the root, normally {@code /opt/ml}
 * @param inputConfigDirectory folder of {@code hyperparameters.json} and {@code
 *     inputdataconfig.json}
 * @param dataDirectory folder with one subfolder per channel
 * @param modelDirectory folder the model is written to; SageMaker uploads it as model.tar.gz
 * @param outputDirectory folder of the {@code failure} file
 * @param outputDataDirectory folder for other output, which SageMaker uploads as output.tar.gz; the
 *     job writes nothing there yet
 * @param checkpointDirectory folder of the checkpoint, which SageMaker syncs with S3
 * @param environment the process environment the paths were resolved from
 */
public record JobPaths(
    Path root,
    Path inputConfigDirectory,
    Path dataDirectory,
    Path modelDirectory,
    Path outputDirectory,
    Path outputDataDirectory,
    Path checkpointDirectory,
    Map<String, String> environment) {

  /** Root of a SageMaker training container. */
  public static final Path DEFAULT_ROOT = Path.of("/opt/ml");

  /** Environment variable that moves the root, for tests and local runs. */
  public static final String ROOT_VARIABLE = "ML_ROOT";

  /** Creates the paths; the environment is copied. */
  public JobPaths {
    environment = Map.copyOf(environment);
  }

  /**
   * Resolves the paths.
   *
   * @param root the root, or null for {@code ML_ROOT} from the environment, else {@code /opt/ml}
   * @param checkpoints the checkpoint folder, or null for {@code <root>/checkpoints}
   * @param environment the process environment
   */
  public static JobPaths resolve(Path root, Path checkpoints, Map<String, String> environment) {
    Path base = root != null ? root : pathOr(environment, ROOT_VARIABLE, DEFAULT_ROOT);
    Path input = pathOr(environment, "SM_INPUT_DIR", base.resolve("input"));
    Path output = pathOr(environment, "SM_OUTPUT_DIR", base.resolve("output"));
    return new JobPaths(
        base,
        pathOr(environment, "SM_INPUT_CONFIG_DIR", input.resolve("config")),
        input.resolve("data"),
        pathOr(environment, "SM_MODEL_DIR", base.resolve("model")),
        output,
        pathOr(environment, "SM_OUTPUT_DATA_DIR", output.resolve("data")),
        checkpoints != null ? checkpoints : base.resolve("checkpoints"),
        environment);
  }

  /** Returns the folder of a channel: {@code SM_CHANNEL_<NAME>} when set, else under the data. */
  public Path channel(String name) {
    String variable = "SM_CHANNEL_" + name.toUpperCase(Locale.ROOT);
    return pathOr(environment, variable, dataDirectory.resolve(name));
  }

  /** Returns the file SageMaker reads the failure reason from. */
  public Path failureFile() {
    return outputDirectory.resolve("failure");
  }

  /** Returns the hyperparameters file. */
  public Path hyperparametersFile() {
    return inputConfigDirectory.resolve("hyperparameters.json");
  }

  /** Returns the channel configuration file. */
  public Path inputDataConfigFile() {
    return inputConfigDirectory.resolve("inputdataconfig.json");
  }

  private static Path pathOr(Map<String, String> environment, String variable, Path fallback) {
    String value = environment.get(variable);
    return value == null || value.isBlank() ? fallback : Path.of(value);
  }
}
