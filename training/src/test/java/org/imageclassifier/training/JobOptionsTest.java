package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobOptionsTest {

  private static final Instant NOW = Instant.parse("2026-12-04T16:30:59Z");

  @Test
  void defaultsWithoutArguments() {
    JobOptions options = JobOptions.parse(new String[0], NOW);

    assertThat(options.dataDirectory()).isEqualTo(Path.of("/usr/share/datasets/fashion-mnist"));
    assertThat(options.outputDirectory()).isEqualTo(Path.of("model"));
    assertThat(options.hyperparameters()).isEqualTo(new Hyperparameters(12, 64, 0.001f, 42));
    assertThat(options.trainLimit()).isZero();
    assertThat(options.testLimit()).isZero();
    assertThat(options.parityImages()).isEqualTo(1000);
    assertThat(options.version()).isEqualTo("20261204T1630Z");
  }

  @Test
  void everyOptionOverrides() {
    String[] args = {
      "--data-dir", "/data", "--output-dir", "/out", "--epochs", "3", "--batch-size", "32",
      "--learning-rate", "0.01", "--seed", "7", "--train-limit", "100", "--test-limit", "50",
      "--parity-images", "20", "--version", "v1"
    };

    JobOptions options = JobOptions.parse(args, NOW);

    assertThat(options)
        .isEqualTo(
            new JobOptions(
                Path.of("/data"),
                Path.of("/out"),
                new Hyperparameters(3, 32, 0.01f, 7),
                100,
                50,
                20,
                "v1"));
  }

  @Test
  void unknownOptionRejected() {
    assertThatThrownBy(() -> JobOptions.parse(new String[] {"--epoch", "3"}, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown option '--epoch'. Run with --help to list the options.");
  }

  @Test
  void missingValueRejected() {
    assertThatThrownBy(() -> JobOptions.parse(new String[] {"--seed"}, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Option --seed needs a value.");
  }

  @Test
  void nonIntegerRejected() {
    assertThatThrownBy(() -> JobOptions.parse(new String[] {"--epochs", "three"}, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid value for --epochs: 'three' is not an integer");
  }

  @Test
  void zeroEpochsRejected() {
    assertThatThrownBy(() -> JobOptions.parse(new String[] {"--epochs", "0"}, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("epochs must be at least 1, was 0");
  }

  @Test
  void negativeLearningRateRejected() {
    assertThatThrownBy(() -> JobOptions.parse(new String[] {"--learning-rate", "-1"}, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("learningRate must be a positive number, was -1.0");
  }

  @Test
  void negativeLimitRejected() {
    assertThatThrownBy(() -> JobOptions.parse(new String[] {"--train-limit", "-5"}, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trainLimit must be at least 0, was -5");
  }
}
