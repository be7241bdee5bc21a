package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.ModelPackage;
import org.imageclassifier.core.model.OnnxPredictor;
import org.imageclassifier.core.model.TensorBatch;
import org.imageclassifier.core.preprocess.Preprocessor;
import org.junit.jupiter.api.Test;

/** Serves the official test images to the bundled model the way the function does. */
class BundledModelTest {

  /** The repository's model folder, seen from the training module's folder. */
  private static final Path MODEL = Path.of("..", "model");

  @Test
  void bundledModelMeetsRecordedAccuracy() throws Exception {
    assumeTrue(Files.isDirectory(FashionMnist.DEBIAN_DIRECTORY), "dataset-fashion-mnist missing");
    System.setProperty("ai.djl.offline", "true");
    ModelPackage bundled = ModelPackage.open(MODEL);
    ModelContract contract = bundled.contract();
    LabeledImages test =
        FashionMnist.load(FashionMnist.DEBIAN_DIRECTORY, FashionMnist.Split.TEST, 0);
    TensorSet tensors = DatasetEncoder.encode(Preprocessor.of(contract), test);

    float[][] probabilities;
    try (OnnxPredictor predictor = OnnxPredictor.load(bundled)) {
      probabilities = predictor.predict(new TensorBatch(tensors.data(), tensors.count()));
    }

    int correct = 0;
    for (int i = 0; i < probabilities.length; i++) {
      correct += Metrics.argmax(probabilities[i]) == test.labels()[i] ? 1 : 0;
    }
    double accuracy = (double) correct / probabilities.length;
    assertThat(probabilities).hasNumberOfRows(10_000);
    assertThat(accuracy).isGreaterThanOrEqualTo(0.91);
    assertThat(accuracy)
        .isCloseTo(contract.training().path("testAccuracy").asDouble(), within(0.001));
  }
}
