package org.imageclassifier.training;

/**
 * Outcome of comparing the ONNX export with the trained network on the same images.
 *
 * @param images number of images compared
 * @param maxAbsDifference largest absolute difference between two corresponding logits
 * @param argmaxMismatches images whose top class differs between the two
 * @param tolerance largest accepted {@code maxAbsDifference}
 */
public record ParityReport(
    int images, double maxAbsDifference, int argmaxMismatches, double tolerance) {

  /** Returns whether every top class agrees and the logits differ by at most the tolerance. */
  public boolean passed() {
    return argmaxMismatches == 0 && maxAbsDifference <= tolerance;
  }
}
