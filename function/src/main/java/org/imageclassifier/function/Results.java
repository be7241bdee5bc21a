package org.imageclassifier.function;

import java.util.List;
import org.imageclassifier.core.Classification;
import org.imageclassifier.core.LabelProbability;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.function.ClassificationResult.ErrorInfo;
import org.imageclassifier.function.ClassificationResult.ImageInfo;
import org.imageclassifier.function.ClassificationResult.LabelScore;
import org.imageclassifier.function.ClassificationResult.ModelInfo;
import org.imageclassifier.function.ClassificationResult.Source;
import org.imageclassifier.function.ClassificationResult.Status;
import org.imageclassifier.function.ClassificationResult.Timings;

/** Builds result documents from a classification or a permanent failure. */
final class Results {

  private final ModelInfo model;
  private final double confidenceThreshold;

  /** Creates the builder of a model's results, with the model's own confidence threshold. */
  Results(ModelContract contract) {
    this(contract, null);
  }

  /**
   * Creates the builder of a model's results.
   *
   * @param confidenceThreshold the threshold in [0, 1] that replaces the contract's, or null
   */
  Results(ModelContract contract, Double confidenceThreshold) {
    this.model = new ModelInfo(contract.name(), contract.version(), contract.onnx().sha256());
    this.confidenceThreshold =
        confidenceThreshold == null ? contract.confidenceThreshold() : confidenceThreshold;
  }

  /** Returns the name, version and SHA-256 that every result of this builder carries. */
  ModelInfo model() {
    return model;
  }

  /**
   * Builds the result of a classified image: CLASSIFIED, or BELOW_THRESHOLD when the top
   * probability is under the confidence threshold. {@code downloadMillis} is null when the bytes
   * were not downloaded from S3.
   */
  ClassificationResult classified(
      String requestId,
      Source source,
      Classification classification,
      Double downloadMillis,
      long startNanos) {
    double confidence = exact(classification.confidence());
    Status status = confidence < confidenceThreshold ? Status.BELOW_THRESHOLD : Status.CLASSIFIED;
    var timings = classification.timings();
    Timings timingsMs =
        new Timings(
            downloadMillis == null ? null : round(downloadMillis),
            round(timings.decodeMs()),
            round(timings.preprocessMs()),
            round(timings.inferenceMs()),
            round(ObjectDownloader.millisSince(startNanos)));
    return new ClassificationResult(
        requestId,
        status,
        classification.label(),
        confidence,
        scores(classification.topK()),
        source,
        image(classification),
        model,
        null,
        timingsMs,
        Timestamps.now());
  }

  /** Builds the FAILED result of an object that can never be classified. */
  ClassificationResult failed(
      String requestId,
      Source source,
      PermanentFailureException failure,
      Double downloadMillis,
      long startNanos) {
    Timings timingsMs =
        new Timings(
            downloadMillis == null ? null : round(downloadMillis),
            null,
            null,
            null,
            round(ObjectDownloader.millisSince(startNanos)));
    return new ClassificationResult(
        requestId,
        Status.FAILED,
        null,
        null,
        null,
        source,
        null,
        model,
        new ErrorInfo(failure.code(), failure.getMessage()),
        timingsMs,
        Timestamps.now());
  }

  private static List<LabelScore> scores(List<LabelProbability> topK) {
    return topK.stream().map(p -> new LabelScore(p.label(), exact(p.probability()))).toList();
  }

  private static ImageInfo image(Classification classification) {
    return new ImageInfo(
        classification.format().name(),
        classification.width(),
        classification.height(),
        classification.orientation());
  }

  /** Widens a float to the double with the same shortest decimal form (0.93f becomes 0.93). */
  private static double exact(float value) {
    return Double.parseDouble(Float.toString(value));
  }

  /** Rounds milliseconds to microseconds. */
  private static double round(double millis) {
    return Math.round(millis * 1000.0) / 1000.0;
  }
}
