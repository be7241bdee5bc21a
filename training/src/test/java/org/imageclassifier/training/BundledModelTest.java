package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.imageclassifier.core.model.Activation;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.ModelLoadException;
import org.imageclassifier.core.model.ModelPackage;
import org.imageclassifier.core.model.OnnxPredictor;
import org.imageclassifier.core.model.TensorBatch;
import org.imageclassifier.core.preprocess.Preprocessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Serves all 10,000 official Fashion-MNIST test images, committed under the test resources, to the
 * bundled model the way the function does: core's preprocessing, then ONNX Runtime.
 */
class BundledModelTest {

  /** The repository's model folder, seen from the training module's folder. */
  private static final Path MODEL = Path.of("..", "model");

  private static ModelContract contract;
  private static double accuracy;
  private static double belowThreshold;

  @BeforeAll
  static void classifyTestSet() throws IOException, ModelLoadException, Exception {
    System.setProperty("ai.djl.offline", "true");
    ModelPackage bundled = ModelPackage.open(MODEL);
    contract = bundled.contract();
    IdxDataset test = IdxDataset.read(TestData.fashionTest(), FashionMnist.LABELS, 0);
    TensorSet tensors =
        DatasetEncoder.encode(Preprocessor.of(contract), test, DatasetEncoder.all(test));
    float[][] probabilities;
    try (OnnxPredictor predictor = OnnxPredictor.load(bundled)) {
      probabilities = predictor.predict(new TensorBatch(tensors.data(), tensors.count()));
    }
    int correct = 0;
    int below = 0;
    for (int i = 0; i < probabilities.length; i++) {
      int top = Metrics.argmax(probabilities[i]);
      correct += top == test.labels()[i] ? 1 : 0;
      below += probabilities[i][top] < contract.confidenceThreshold() ? 1 : 0;
    }
    assertThat(probabilities).hasNumberOfRows(TestData.TEST_IMAGES);
    accuracy = (double) correct / probabilities.length;
    belowThreshold = (double) below / probabilities.length;
  }

  @Test
  void keepsMeasuredAccuracy() {
    // The goal for the bundled model: at least 0.94 on the official test set.
    assertThat(accuracy).isGreaterThanOrEqualTo(0.94);
  }

  @Test
  void accuracyMatchesRecordedSummary() {
    JsonNode summary = contract.training().path("summary");

    assertThat(summary.path("split").asText()).isEqualTo("test");
    assertThat(summary.path("images").asInt()).isEqualTo(TestData.TEST_IMAGES);
    assertThat(accuracy).isCloseTo(summary.path("accuracy").asDouble(), within(0.0005));
  }

  @Test
  void fewTestImagesBelowThreshold() {
    assertThat(contract.confidenceThreshold()).isEqualTo(0.5);
    // Measured: 113 of the 10,000 test images.
    assertThat(belowThreshold).isGreaterThan(0);
    assertThat(belowThreshold).isLessThan(0.02);
  }

  @Test
  void staysUnderParameterBudget() {
    assertThat(contract.training().path("parameterCount").asLong()).isLessThan(200_000);
  }

  @Test
  void keepsServingContract() {
    assertThat(contract.name()).isEqualTo("fashion-mnist-cnn");
    assertThat(contract.input()).isEqualTo(new ModelContract.Input("input", "NCHW", 1, 28, 28));
    assertThat(contract.output()).isEqualTo(new ModelContract.Output("logits", Activation.SOFTMAX));
    assertThat(contract.labels()).isEqualTo(FashionMnist.LABELS);
  }
}
