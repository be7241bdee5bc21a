package org.imageclassifier.training;

import java.util.Arrays;
import org.imageclassifier.core.model.InferenceException;
import org.imageclassifier.core.model.ModelLoadException;
import org.imageclassifier.core.model.ModelPackage;
import org.imageclassifier.core.model.OnnxPredictor;
import org.imageclassifier.core.model.TensorBatch;

/**
 * Runs images through an exported model package on ONNX Runtime, with core's {@link OnnxPredictor}
 * as the server does, and compares the raw logits with those of the trained network.
 */
public final class ParityCheck {

  /** Default largest accepted absolute logit difference. */
  public static final double DEFAULT_TOLERANCE = 1e-4;

  /** Default number of test images compared. */
  public static final int DEFAULT_IMAGES = 1000;

  private static final int BATCH = 250;

  private final TensorSet images;
  private final float[][] expected;
  private final double tolerance;

  /**
   * Creates a check.
   *
   * @param images preprocessed images, NCHW
   * @param expected the trained network's logits for {@code images}, one row per image
   * @param tolerance largest accepted absolute logit difference
   */
  public ParityCheck(TensorSet images, float[][] expected, double tolerance) {
    if (expected.length != images.count()) {
      throw new IllegalArgumentException(
          "expected must have one row per image (%d), was %d rows"
              .formatted(images.count(), expected.length));
    }
    this.images = images;
    this.expected = expected;
    this.tolerance = tolerance;
  }

  /** Creates a check on the first {@code count} images with the network's logits. */
  public static ParityCheck against(TrainedNetwork network, TensorSet test, int count) {
    TensorSet images = test.head(count);
    return new ParityCheck(images, network.logits(images), DEFAULT_TOLERANCE);
  }

  /**
   * Runs the check.
   *
   * @param exported the exported model folder, opened and checksum-verified
   * @return the measured report, which has passed
   * @throws ParityException when a top class differs or a logit differs by more than the tolerance
   * @throws ModelLoadException when ONNX Runtime cannot load the model
   * @throws InferenceException when ONNX Runtime fails on the images
   */
  public ParityReport run(ModelPackage exported)
      throws ParityException, ModelLoadException, InferenceException {
    float[][] actual = predictAll(exported);
    ParityReport report = compare(actual);
    if (!report.passed()) {
      throw new ParityException(report);
    }
    return report;
  }

  private float[][] predictAll(ModelPackage exported)
      throws ModelLoadException, InferenceException {
    float[][] rows = new float[images.count()][];
    int size = images.imageSize();
    try (OnnxPredictor predictor = OnnxPredictor.load(exported)) {
      for (int from = 0; from < images.count(); from += BATCH) {
        int count = Math.min(BATCH, images.count() - from);
        float[] data = Arrays.copyOfRange(images.data(), from * size, (from + count) * size);
        float[][] batch = predictor.predictRaw(new TensorBatch(data, count));
        System.arraycopy(batch, 0, rows, from, count);
      }
    }
    return rows;
  }

  private ParityReport compare(float[][] actual) {
    double maxDifference = 0;
    int mismatches = 0;
    for (int i = 0; i < expected.length; i++) {
      maxDifference = Math.max(maxDifference, maxAbsDifference(expected[i], actual[i]));
      mismatches +=
          Metrics.predictedClass(expected[i]) == Metrics.predictedClass(actual[i]) ? 0 : 1;
    }
    return new ParityReport(expected.length, maxDifference, mismatches, tolerance);
  }

  /** Returns the largest absolute difference; a length mismatch or NaN counts as infinite. */
  private static double maxAbsDifference(float[] left, float[] right) {
    if (left.length != right.length) {
      return Double.POSITIVE_INFINITY;
    }
    double max = 0;
    for (int i = 0; i < left.length; i++) {
      double difference = Math.abs((double) left[i] - right[i]);
      max = Double.isNaN(difference) ? Double.POSITIVE_INFINITY : Math.max(max, difference);
    }
    return max;
  }
}
