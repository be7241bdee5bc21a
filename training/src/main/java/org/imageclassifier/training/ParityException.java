package org.imageclassifier.training;

/** Thrown when the ONNX export computes other logits than the trained network. */
public class ParityException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient ParityReport report;

  /** Creates the exception for a failed comparison. */
  public ParityException(ParityReport report) {
    super(
        "The ONNX export disagrees with the trained network on %d images: max absolute logit difference %.3g (tolerance %.1g), %d top-class mismatches. No model was written; check the ONNX export of each layer against its DJL block."
            .formatted(
                report.images(),
                report.maxAbsDifference(),
                report.tolerance(),
                report.argmaxMismatches()));
    this.report = report;
  }

  /** Returns the measured comparison. */
  public ParityReport report() {
    return report;
  }
}
