package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.imageclassifier.core.Classification;
import org.imageclassifier.core.LabelProbability;
import org.imageclassifier.core.StageTimings;
import org.imageclassifier.core.image.ImageFormat;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.ModelPackage;
import org.imageclassifier.function.ClassificationResult.Source;
import org.imageclassifier.function.ClassificationResult.Status;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ResultsTest {

  private static final Source SOURCE =
      new Source("bucket", "uploads/a.png", null, "etag", 401L, "01");

  private static Results results;

  @BeforeAll
  static void contractWithThreshold() throws Exception {
    Path file = Path.of(ResultsTest.class.getClassLoader().getResource("model/model.json").toURI());
    ModelContract bundled = ModelPackage.readContract(file);
    ModelContract strict =
        new ModelContract(
            bundled.schemaVersion(),
            bundled.name(),
            bundled.version(),
            bundled.onnx(),
            bundled.input(),
            bundled.preprocessing(),
            bundled.output(),
            bundled.labels(),
            0.9,
            bundled.training());
    results = new Results(strict);
  }

  @Test
  void confidenceBelowThresholdIsFlagged() {
    ClassificationResult result = classified(0.6f);

    assertThat(result.status()).isEqualTo(Status.BELOW_THRESHOLD);
    assertThat(result.label()).isEqualTo("Bag");
    assertThat(result.confidence()).isEqualTo(0.6);
  }

  @Test
  void confidenceAtThresholdIsClassified() {
    assertThat(classified(0.9f).status()).isEqualTo(Status.CLASSIFIED);
  }

  @Test
  void classifiedCarriesStageTimings() {
    ClassificationResult result = classified(0.95f);

    assertThat(result.timingsMs().download()).isEqualTo(4.0);
    assertThat(result.timingsMs().decode()).isEqualTo(1.25);
    assertThat(result.timingsMs().preprocess()).isEqualTo(2.0);
    assertThat(result.timingsMs().inference()).isEqualTo(3.0);
    assertThat(result.image().format()).isEqualTo("PNG");
    assertThat(result.topK())
        .extracting(ClassificationResult.LabelScore::label)
        .containsExactly("Bag", "Coat");
  }

  @Test
  void failureHasErrorAndNoLabel() {
    PermanentFailureException failure =
        new PermanentFailureException("NOT_AN_IMAGE", "The bytes are not an image");

    ClassificationResult result = results.failed("request-1", SOURCE, failure, null, 0);

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error().code()).isEqualTo("NOT_AN_IMAGE");
    assertThat(result.error().message()).isEqualTo("The bytes are not an image");
    assertThat(result.label()).isNull();
    assertThat(result.topK()).isNull();
    assertThat(result.timingsMs().download()).isNull();
    assertThat(result.timingsMs().decode()).isNull();
    assertThat(result.model().name()).isEqualTo("fashion-mnist-cnn");
  }

  private static ClassificationResult classified(float confidence) {
    Classification classification =
        new Classification(
            ImageFormat.PNG,
            28,
            28,
            1,
            List.of(
                new LabelProbability("Bag", confidence),
                new LabelProbability("Coat", 1 - confidence)),
            new StageTimings(1.25, 2.0, 3.0));
    return results.classified("request-1", SOURCE, classification, 4.0, System.nanoTime());
  }
}
