package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.imageclassifier.core.model.ModelPackage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkTrainerTest {

  private static final NetworkSpec SPEC = NetworkSpec.fashionMnistCnn();

  private static PreparedData data;

  @TempDir Path temp;

  @BeforeAll
  static void prepareSmallSet() throws IOException {
    System.setProperty("ai.djl.offline", "true");
    JobOptions options =
        JobOptions.parse(
            new String[] {
              "--data-dir", TestData.subsetDirectory().toString(),
              "--train-limit", "300",
              "--test-limit", "100"
            },
            Instant.now());
    data = TrainingPipeline.prepare(SPEC, options);
  }

  @Test
  void sameSeedGivesSameWeights() {
    Hyperparameters settings = new Hyperparameters(1, 32, 0.001f, 7);

    float[][] first = trainAndPredict(settings);
    float[][] second = trainAndPredict(settings);

    assertThat(second).isDeepEqualTo(first);
  }

  @Test
  void otherSeedGivesOtherWeights() {
    float[][] first = trainAndPredict(new Hyperparameters(1, 32, 0.001f, 7));
    float[][] second = trainAndPredict(new Hyperparameters(1, 32, 0.001f, 8));

    assertThat(second[0]).isNotEqualTo(first[0]);
  }

  @Test
  void jobWritesLoadableModel() throws Exception {
    Path output = temp.resolve("out");
    String[] args = {
      "--data-dir", TestData.subsetDirectory().toString(),
      "--output-dir", output.toString(),
      "--epochs", "1",
      "--train-limit", "300",
      "--test-limit", "100",
      "--version", "smoke-1"
    };

    JobResult result = TrainingPipeline.run(JobOptions.parse(args, Instant.now()));

    assertThat(result.parity().images()).isEqualTo(100);
    assertThat(result.parity().passed()).isTrue();
    assertThat(ModelPackage.open(output).contract().version()).isEqualTo("smoke-1");
  }

  private static float[][] trainAndPredict(Hyperparameters settings) {
    try (TrainedNetwork network =
        NetworkTrainer.train(SPEC, settings, data.train(), data.test(), metrics -> {})) {
      return network.logits(data.test());
    }
  }
}
