package org.imageclassifier.function;

import java.util.Map;

/**
 * What the function serves and how it reports: the model's location and confidence threshold, and
 * where logs and metrics go. Read once per execution environment.
 *
 * @param model the model folder in S3, or null to serve the model bundled in the function jar
 * @param confidenceThreshold the threshold below which a result is BELOW_THRESHOLD, in [0, 1], or
 *     null to use the model's {@code confidenceThreshold} from model.json
 * @param telemetry where each record's log line and metrics go
 */
public record ServingOptions(
    ModelLocation model, Double confidenceThreshold, RecordTelemetry telemetry) {

  /** Environment variable with the model folder, such as {@code s3://bucket/models/a/v1/}. */
  public static final String MODEL_LOCATION_VARIABLE = "MODEL_S3_URI";

  /** Environment variable that overrides the model's confidence threshold, such as 0.6. */
  public static final String CONFIDENCE_THRESHOLD_VARIABLE = "CONFIDENCE_THRESHOLD";

  /** Creates the options and checks the threshold and the telemetry. */
  public ServingOptions {
    if (confidenceThreshold != null
        && !(confidenceThreshold >= 0.0 && confidenceThreshold <= 1.0)) {
      throw new IllegalArgumentException(
          "confidenceThreshold must be in [0, 1], was " + confidenceThreshold);
    }
    if (telemetry == null) {
      throw new IllegalArgumentException("telemetry must not be null");
    }
  }

  /**
   * Reads the options from {@value #MODEL_LOCATION_VARIABLE}, {@value
   * #CONFIDENCE_THRESHOLD_VARIABLE} and the telemetry variables of {@link RecordTelemetry}. An
   * unset or blank variable keeps the default: the bundled model, the model's own threshold.
   *
   * @throws IllegalArgumentException naming the variable that is invalid
   */
  public static ServingOptions fromEnvironment(Map<String, String> environment) {
    String location = environment.get(MODEL_LOCATION_VARIABLE);
    return new ServingOptions(
        location == null || location.isBlank() ? null : ModelLocation.parse(location),
        threshold(environment.get(CONFIDENCE_THRESHOLD_VARIABLE)),
        RecordTelemetry.fromEnvironment(environment));
  }

  /** Returns options that serve the bundled model with its own threshold. */
  public static ServingOptions bundled(RecordTelemetry telemetry) {
    return new ServingOptions(null, null, telemetry);
  }

  private static Double threshold(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      double threshold = Double.parseDouble(value.strip());
      if (threshold >= 0.0 && threshold <= 1.0) {
        return threshold;
      }
    } catch (NumberFormatException e) {
      // Reported below with the variable's name.
    }
    throw new IllegalArgumentException(
        "%s must be a number from 0 to 1, was '%s'. Set it to a value such as 0.6, or remove it to use the model's confidenceThreshold"
            .formatted(CONFIDENCE_THRESHOLD_VARIABLE, value));
  }
}
