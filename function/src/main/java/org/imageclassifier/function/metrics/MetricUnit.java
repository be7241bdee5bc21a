package org.imageclassifier.function.metrics;

/** Units of CloudWatch metrics, spelled as the embedded metric format expects them. */
public enum MetricUnit {
  /** A duration in milliseconds. */
  MILLISECONDS("Milliseconds"),
  /** A number of events. */
  COUNT("Count"),
  /** A plain number, such as a probability. */
  NONE("None");

  private final String cloudWatchName;

  MetricUnit(String cloudWatchName) {
    this.cloudWatchName = cloudWatchName;
  }

  /** Returns the unit's name in CloudWatch, such as {@code Milliseconds}. */
  public String cloudWatchName() {
    return cloudWatchName;
  }
}
