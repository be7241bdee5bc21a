package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HyperparameterParserTest {

  @Test
  void emptyGivesDefaults() {
    JobSettings settings = HyperparameterParser.parse(Map.of());
    Hyperparameters hyperparameters = settings.hyperparameters();

    assertThat(hyperparameters.epochs()).isEqualTo(12);
    assertThat(hyperparameters.batchSize()).isEqualTo(64);
    assertThat(hyperparameters.seed()).isEqualTo(42);
    assertThat(hyperparameters.optimization()).isEqualTo(Hyperparameters.Optimization.adam(0.001f));
    assertThat(hyperparameters.architecture()).isEqualTo(Architecture.CLASSIC);
    assertThat(hyperparameters.augmentation()).isEqualTo(Hyperparameters.Augmentation.NONE);
    assertThat(hyperparameters.data()).isEqualTo(Hyperparameters.DataSettings.DEFAULT);
    assertThat(settings.classNames()).isNull();
    assertThat(settings.modelName()).isEqualTo("fashion-mnist-cnn");
    assertThat(settings.modelVersion()).isNull();
    assertThat(settings.parityImages()).isEqualTo(1000);
    assertThat(settings.confidenceThreshold()).isZero();
  }

  @Test
  void stringsBecomeTypedValues() {
    Map<String, String> raw =
        Map.ofEntries(
            Map.entry("epochs", "30"),
            Map.entry("batch_size", " 128 "),
            Map.entry("seed", "-7"),
            Map.entry("optimizer", "SGD"),
            Map.entry("learning_rate", "0.05"),
            Map.entry("momentum", "0.8"),
            Map.entry("weight_decay", "5e-4"),
            Map.entry("lr_schedule", "cosine"),
            Map.entry("warmup_epochs", "2"),
            Map.entry("filters", "32, 64,128"),
            Map.entry("convs_per_block", "2"),
            Map.entry("batch_norm", "TRUE"),
            Map.entry("dropout", "0.25"),
            Map.entry("head", "global_average"),
            Map.entry("crop_padding", "2"),
            Map.entry("horizontal_flip", "true"),
            Map.entry("validation_fraction", "0.2"),
            Map.entry("image_size", "32"),
            Map.entry("image_channels", "3"),
            Map.entry("class_names", "no,yes"),
            Map.entry("model_version", "2026.12.04-1"),
            Map.entry("confidence_threshold", "0.5"));

    JobSettings settings = HyperparameterParser.parse(raw);
    Hyperparameters hyperparameters = settings.hyperparameters();

    assertThat(hyperparameters.epochs()).isEqualTo(30);
    assertThat(hyperparameters.batchSize()).isEqualTo(128);
    assertThat(hyperparameters.seed()).isEqualTo(-7);
    assertThat(hyperparameters.optimization())
        .isEqualTo(
            new Hyperparameters.Optimization(
                Hyperparameters.OptimizerKind.SGD,
                0.05f,
                0.8f,
                5e-4f,
                Hyperparameters.ScheduleKind.COSINE,
                2,
                10,
                0.1f));
    assertThat(hyperparameters.architecture())
        .isEqualTo(new Architecture(List.of(32, 64, 128), 2, true, 0.25f, true));
    assertThat(hyperparameters.augmentation()).isEqualTo(new Hyperparameters.Augmentation(2, true));
    assertThat(hyperparameters.data())
        .isEqualTo(new Hyperparameters.DataSettings(0.2, 32, 3, 0, 0));
    assertThat(settings.classNames()).containsExactly("no", "yes");
    assertThat(settings.modelVersion()).isEqualTo("2026.12.04-1");
    assertThat(settings.confidenceThreshold()).isEqualTo(0.5);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "epochs|0|an integer from 1 to 1000",
        "epochs|ten|an integer from 1 to 1000",
        "epochs|2.5|an integer from 1 to 1000",
        "batch_size|5000|an integer from 1 to 4096",
        "seed|99999999999|an integer from",
        "optimizer|rmsprop|one of adam, sgd",
        "learning_rate|0|a number > 0.0 and <= 10.0",
        "learning_rate|NaN|a number > 0.0 and <= 10.0",
        "learning_rate|-0.1|a number > 0.0 and <= 10.0",
        "momentum|1|a number >= 0.0 and <= 0.999",
        "weight_decay|-1|a number >= 0.0 and <= 1.0",
        "lr_schedule|linear|one of constant, cosine, step",
        "warmup_epochs|13|an integer from 0 to 12",
        "lr_step_epochs|0|an integer from 1 to 1000",
        "lr_step_factor|0|a number > 0.0 and <= 1.0",
        "filters|32,,64|1 to 6 comma-separated integers",
        "filters|0|1 to 6 comma-separated integers",
        "filters|1,2,3,4,5,6,7|1 to 6 comma-separated integers",
        "convs_per_block|3|an integer from 1 to 2",
        "batch_norm|yes|true or false",
        "dropout|0.95|a number >= 0.0 and <= 0.9",
        "head|max|one of flatten, global_average",
        "crop_padding|9|an integer from 0 to 8",
        "horizontal_flip|1|true or false",
        "validation_fraction|0.6|a number >= 0.0 and <= 0.5",
        "image_size|4|an integer from 8 to 512",
        "image_channels|2|1 or 3",
        "train_limit|-1|an integer from 0 to",
        "class_names|cat|2 or more distinct non-empty names",
        "class_names|cat,cat|2 or more distinct non-empty names",
        "model_name|my model|1 to 128 letters, digits",
        "model_version|../x|1 to 128 letters, digits",
        "parity_images|0|an integer from 1 to 100000",
        "confidence_threshold|1.5|a number >= 0.0 and <= 1.0",
        "confidence_threshold|-0.1|a number >= 0.0 and <= 1.0",
      })
  void invalidValueNamesKeyValueAndRule(String key, String value, String allowed) {
    Map<String, String> raw = Map.of(key, value);

    assertThatThrownBy(() -> HyperparameterParser.parse(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid hyperparameter %s='%s'".formatted(key, value))
        .hasMessageContaining("expected " + allowed)
        .hasMessageEndingWith("Fix the value in the job's hyperparameters.");
  }

  @Test
  void unknownKeyRejectedWithAllowedKeys() {
    Map<String, String> raw = Map.of("epochs", "3", "lerning_rate", "0.1");

    assertThatThrownBy(() -> HyperparameterParser.parse(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown hyperparameter ['lerning_rate']")
        .hasMessageContaining("learning_rate")
        .hasMessageEndingWith("Fix or remove the key in the job's hyperparameters.");
  }

  @Test
  void usageListsEveryKey() {
    List<String> keys =
        List.of(
            "epochs",
            "batch_size",
            "seed",
            "optimizer",
            "learning_rate",
            "momentum",
            "weight_decay",
            "lr_schedule",
            "warmup_epochs",
            "lr_step_epochs",
            "lr_step_factor",
            "filters",
            "convs_per_block",
            "batch_norm",
            "dropout",
            "head",
            "crop_padding",
            "horizontal_flip",
            "validation_fraction",
            "image_size",
            "image_channels",
            "train_limit",
            "test_limit",
            "class_names",
            "model_name",
            "model_version",
            "parity_images",
            "test_time_flip",
            "confidence_threshold");

    for (String key : keys) {
      assertThat(HyperparameterParser.USAGE).contains("  " + key + " ");
    }
  }
}
