package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobPathsTest {

  private static final Path ROOT = Path.of("/tmp/ml-root");

  @Test
  void defaultsFollowSageMakerLayout() {
    JobPaths paths = JobPaths.resolve(null, null, Map.of());

    assertThat(paths.root()).isEqualTo(Path.of("/opt/ml"));
    assertThat(paths.hyperparametersFile())
        .isEqualTo(Path.of("/opt/ml/input/config/hyperparameters.json"));
    assertThat(paths.inputDataConfigFile())
        .isEqualTo(Path.of("/opt/ml/input/config/inputdataconfig.json"));
    assertThat(paths.channel("train")).isEqualTo(Path.of("/opt/ml/input/data/train"));
    assertThat(paths.modelDirectory()).isEqualTo(Path.of("/opt/ml/model"));
    assertThat(paths.failureFile()).isEqualTo(Path.of("/opt/ml/output/failure"));
    assertThat(paths.outputDataDirectory()).isEqualTo(Path.of("/opt/ml/output/data"));
    assertThat(paths.checkpointDirectory()).isEqualTo(Path.of("/opt/ml/checkpoints"));
  }

  @Test
  void rootVariableMovesEveryPath() {
    JobPaths paths = JobPaths.resolve(null, null, Map.of("ML_ROOT", ROOT.toString()));

    assertThat(paths.channel("test")).isEqualTo(ROOT.resolve("input/data/test"));
    assertThat(paths.modelDirectory()).isEqualTo(ROOT.resolve("model"));
    assertThat(paths.checkpointDirectory()).isEqualTo(ROOT.resolve("checkpoints"));
  }

  @Test
  void optionWinsOverRootVariable() {
    JobPaths paths = JobPaths.resolve(ROOT, Path.of("/ckpt"), Map.of("ML_ROOT", "/elsewhere"));

    assertThat(paths.root()).isEqualTo(ROOT);
    assertThat(paths.checkpointDirectory()).isEqualTo(Path.of("/ckpt"));
  }

  @Test
  void toolkitVariablesWinOverDefaults() {
    Map<String, String> environment =
        Map.of(
            "SM_MODEL_DIR", "/sm/model",
            "SM_INPUT_DIR", "/sm/input",
            "SM_INPUT_CONFIG_DIR", "/sm/config",
            "SM_OUTPUT_DIR", "/sm/output",
            "SM_OUTPUT_DATA_DIR", "/sm/output-data",
            "SM_CHANNEL_TRAIN", "/sm/train-channel");

    JobPaths paths = JobPaths.resolve(ROOT, null, environment);

    assertThat(paths.modelDirectory()).isEqualTo(Path.of("/sm/model"));
    assertThat(paths.hyperparametersFile()).isEqualTo(Path.of("/sm/config/hyperparameters.json"));
    assertThat(paths.failureFile()).isEqualTo(Path.of("/sm/output/failure"));
    assertThat(paths.outputDataDirectory()).isEqualTo(Path.of("/sm/output-data"));
    assertThat(paths.channel("train")).isEqualTo(Path.of("/sm/train-channel"));
    assertThat(paths.channel("test")).isEqualTo(Path.of("/sm/input/data/test"));
  }
}
