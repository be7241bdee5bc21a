package org.imageclassifier.training;

import java.util.ArrayList;
import java.util.List;
import org.imageclassifier.core.model.Activation;

/**
 * The evaluation written to {@code metrics.json}: accuracy, mean cross-entropy, per-class
 * precision, recall and F1, the confusion matrix and the expected calibration error (ECE).
 *
 * <p>The ECE sorts images into {@value #CALIBRATION_BINS} equal-width bins of top-class probability
 * and sums, over the bins, the share of images in the bin times the gap between the bin's accuracy
 * and its mean probability. A well-calibrated model has an ECE near 0.
 *
 * @param split {@code test} or {@code validation}
 * @param labels class labels, in output order
 * @param images images evaluated
 * @param accuracy share classified correctly
 * @param loss mean cross-entropy of the true class
 * @param macroF1 unweighted mean of the per-class F1 scores
 * @param expectedCalibrationError the ECE, in [0, 1]
 * @param classes per-class precision, recall, F1 and support, in label order
 * @param confusionMatrix counts, {@code confusionMatrix[actual][predicted]}
 * @param calibration the ECE bins, lowest probability first
 */
public record ClassificationMetrics(
    String split,
    List<String> labels,
    int images,
    double accuracy,
    double loss,
    double macroF1,
    double expectedCalibrationError,
    List<ClassMetrics> classes,
    int[][] confusionMatrix,
    List<CalibrationBin> calibration) {

  /** Number of equal-width probability bins of the expected calibration error. */
  public static final int CALIBRATION_BINS = 15;

  /**
   * Metrics of one class. A class never predicted has precision 0; a class never present has recall
   * 0; F1 is 0 when precision and recall are both 0.
   *
   * @param label the class label
   * @param precision share of the images predicted as this class that are of it
   * @param recall share of the images of this class predicted as it
   * @param f1 harmonic mean of precision and recall
   * @param support images of this class
   */
  public record ClassMetrics(
      String label, double precision, double recall, double f1, int support) {}

  /**
   * One bin of the expected calibration error.
   *
   * @param lower lower edge of the top-class probability, inclusive except for the first bin
   * @param upper upper edge, inclusive
   * @param images images whose top-class probability falls in the bin
   * @param accuracy share of them classified correctly, 0 when empty
   * @param confidence their mean top-class probability, 0 when empty
   */
  public record CalibrationBin(
      double lower, double upper, int images, double accuracy, double confidence) {}

  /**
   * Computes the metrics.
   *
   * @param logits raw outputs, one row per image: one logit for a binary model, else one per class
   * @param truth class index of each image
   */
  public static ClassificationMetrics of(
      String split, List<String> labels, float[][] logits, int[] truth) {
    Activation activation = logits[0].length == 1 ? Activation.SIGMOID : Activation.SOFTMAX;
    int classes = labels.size();
    int[][] confusion = new int[classes][classes];
    int[] predicted = new int[truth.length];
    double[] confidence = new double[truth.length];
    for (int i = 0; i < truth.length; i++) {
      float[] probabilities = activation.apply(logits[i], classes);
      predicted[i] = Metrics.argmax(probabilities);
      confidence[i] = probabilities[predicted[i]];
      confusion[truth[i]][predicted[i]]++;
    }
    Evaluation evaluation = Metrics.evaluate(logits, truth);
    List<ClassMetrics> perClass = perClass(labels, confusion);
    List<CalibrationBin> bins = calibration(predicted, confidence, truth);
    return new ClassificationMetrics(
        split,
        List.copyOf(labels),
        truth.length,
        evaluation.accuracy(),
        evaluation.loss(),
        perClass.stream().mapToDouble(ClassMetrics::f1).average().orElse(0),
        expectedCalibrationError(bins, truth.length),
        perClass,
        confusion,
        bins);
  }

  /** Returns the summary stored in model.json. */
  public TrainingProvenance.Summary summary() {
    return new TrainingProvenance.Summary(
        split, images, accuracy, loss, macroF1, expectedCalibrationError);
  }

  private static List<ClassMetrics> perClass(List<String> labels, int[][] confusion) {
    List<ClassMetrics> result = new ArrayList<>();
    for (int c = 0; c < labels.size(); c++) {
      int truePositives = confusion[c][c];
      int predictedAs = 0;
      int support = 0;
      for (int other = 0; other < labels.size(); other++) {
        predictedAs += confusion[other][c];
        support += confusion[c][other];
      }
      double precision = ratio(truePositives, predictedAs);
      double recall = ratio(truePositives, support);
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      result.add(new ClassMetrics(labels.get(c), precision, recall, f1, support));
    }
    return result;
  }

  private static List<CalibrationBin> calibration(
      int[] predicted, double[] confidence, int[] truth) {
    int[] counts = new int[CALIBRATION_BINS];
    int[] correct = new int[CALIBRATION_BINS];
    double[] confidenceSums = new double[CALIBRATION_BINS];
    for (int i = 0; i < truth.length; i++) {
      int bin =
          Math.min(CALIBRATION_BINS - 1, (int) Math.ceil(confidence[i] * CALIBRATION_BINS) - 1);
      bin = Math.max(0, bin);
      counts[bin]++;
      correct[bin] += predicted[i] == truth[i] ? 1 : 0;
      confidenceSums[bin] += confidence[i];
    }
    List<CalibrationBin> bins = new ArrayList<>();
    for (int b = 0; b < CALIBRATION_BINS; b++) {
      bins.add(
          new CalibrationBin(
              (double) b / CALIBRATION_BINS,
              (double) (b + 1) / CALIBRATION_BINS,
              counts[b],
              ratio(correct[b], counts[b]),
              counts[b] == 0 ? 0 : confidenceSums[b] / counts[b]));
    }
    return bins;
  }

  private static double expectedCalibrationError(List<CalibrationBin> bins, int images) {
    double error = 0;
    for (CalibrationBin bin : bins) {
      error += (double) bin.images() / images * Math.abs(bin.accuracy() - bin.confidence());
    }
    return error;
  }

  private static double ratio(int numerator, int denominator) {
    return denominator == 0 ? 0 : (double) numerator / denominator;
  }
}
