package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SageMakerConfigTest {

  @TempDir Path root;

  @Test
  void fileValuesReadAsStrings() throws Exception {
    TestData.writeHyperparameters(root, Map.of("epochs", "3", "batch_norm", "true"));

    Map<String, String> values =
        SageMakerConfig.hyperparameters(JobPaths.resolve(root, null, Map.of()));

    assertThat(values)
        .containsExactlyInAnyOrderEntriesOf(Map.of("epochs", "3", "batch_norm", "true"));
  }

  @Test
  void missingFileGivesNoHyperparameters() throws Exception {
    Map<String, String> values =
        SageMakerConfig.hyperparameters(JobPaths.resolve(root, null, Map.of()));

    assertThat(values).isEmpty();
  }

  @Test
  void toolkitJsonWinsOverFile() throws Exception {
    TestData.writeHyperparameters(root, Map.of("epochs", "3"));
    Map<String, String> environment = Map.of("SM_HPS", "{\"epochs\": 5, \"batch_norm\": true}");

    Map<String, String> values =
        SageMakerConfig.hyperparameters(JobPaths.resolve(root, null, environment));

    assertThat(values)
        .containsExactlyInAnyOrderEntriesOf(Map.of("epochs", "5", "batch_norm", "true"));
  }

  @Test
  void nestedValueRejected() throws Exception {
    Path config = Files.createDirectories(root.resolve("input/config"));
    Files.writeString(config.resolve("hyperparameters.json"), "{\"filters\": [32, 64]}");
    JobPaths paths = JobPaths.resolve(root, null, Map.of());

    assertThatThrownBy(() -> SageMakerConfig.hyperparameters(paths))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("filters=[32,64]")
        .hasMessageEndingWith("Pass every value as a string.");
  }

  @Test
  void malformedJsonNamesFile() throws Exception {
    Path config = Files.createDirectories(root.resolve("input/config"));
    Files.writeString(config.resolve("hyperparameters.json"), "{\"epochs\": ");
    JobPaths paths = JobPaths.resolve(root, null, Map.of());

    assertThatThrownBy(() -> SageMakerConfig.hyperparameters(paths))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid JSON in " + paths.hyperparametersFile());
  }

  @Test
  void pipeModeRejected() throws Exception {
    Path config = Files.createDirectories(root.resolve("input/config"));
    Files.writeString(
        config.resolve("inputdataconfig.json"),
        "{\"train\": {\"TrainingInputMode\": \"Pipe\", \"S3DistributionType\": \"FullyReplicated\"}}");
    JobPaths paths = JobPaths.resolve(root, null, Map.of());

    assertThatThrownBy(() -> SageMakerConfig.checkInputModes(paths))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Channel train uses TrainingInputMode Pipe")
        .hasMessageEndingWith("Set the channel's input mode to File or FastFile.");
  }

  @Test
  void fileModeAccepted() throws Exception {
    Path config = Files.createDirectories(root.resolve("input/config"));
    Files.writeString(
        config.resolve("inputdataconfig.json"),
        "{\"train\": {\"TrainingInputMode\": \"File\"}, \"test\": {\"TrainingInputMode\": \"FastFile\"}}");

    JobPaths paths = JobPaths.resolve(root, null, Map.of());

    assertThatCode(() -> SageMakerConfig.checkInputModes(paths)).doesNotThrowAnyException();
  }
}
