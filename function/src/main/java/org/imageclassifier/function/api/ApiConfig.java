package org.imageclassifier.function.api;

import java.time.Duration;
import java.util.Map;
import org.imageclassifier.function.FunctionConfig;

/**
 * Settings of the API function, read once per execution environment.
 *
 * @param function the settings shared with the classify function: table, results prefix, object
 *     size limit ({@code MAX_OBJECT_BYTES}, also the largest upload that {@code POST /uploads}
 *     signs), region, endpoints and credentials
 * @param uploadsBucket bucket that receives uploads and results
 * @param uploadsPrefix key prefix of uploads, ending in {@code /}; presigned URLs never point
 *     outside it
 * @param maxInlineImageBytes largest request body that {@code POST /classify} accepts, in bytes
 *     after base64 decoding
 * @param uploadUrlExpiry how long a presigned upload URL stays valid, 1 second to 7 days
 */
public record ApiConfig(
    FunctionConfig function,
    String uploadsBucket,
    String uploadsPrefix,
    long maxInlineImageBytes,
    Duration uploadUrlExpiry) {

  /** Environment variable with the bucket name (required). */
  public static final String UPLOADS_BUCKET_VARIABLE = "UPLOADS_BUCKET";

  /** Environment variable with the uploads prefix, default {@value #DEFAULT_UPLOADS_PREFIX}. */
  public static final String UPLOADS_PREFIX_VARIABLE = "UPLOADS_PREFIX";

  /** Environment variable with the inline body limit in bytes, default 4 MiB. */
  public static final String MAX_INLINE_IMAGE_BYTES_VARIABLE = "MAX_INLINE_IMAGE_BYTES";

  /** Environment variable with the presigned URL lifetime in seconds, default 900. */
  public static final String UPLOAD_URL_EXPIRY_VARIABLE = "UPLOAD_URL_EXPIRY_SECONDS";

  /** Default uploads prefix; the S3 trigger of template.yaml filters on it. */
  public static final String DEFAULT_UPLOADS_PREFIX = "uploads/";

  /**
   * Default inline body limit: 4 MiB. API Gateway sends a binary body base64-encoded (4 bytes for
   * every 3), so 4 MiB of image is a 5.6 MB event, which leaves room for headers below Lambda's 6
   * MB limit for a synchronous request.
   */
  public static final long DEFAULT_MAX_INLINE_IMAGE_BYTES = 4L * 1024 * 1024;

  /**
   * Largest inline limit that can be configured: 4.5 MB, which base64 makes 6 MB, Lambda's limit
   * for a synchronous request. A larger body never reaches the function.
   */
  public static final long MAX_INLINE_IMAGE_BYTES = 4_500_000L;

  /** Default lifetime of a presigned upload URL: 15 minutes. */
  public static final Duration DEFAULT_UPLOAD_URL_EXPIRY = Duration.ofMinutes(15);

  /** Maximum lifetime that Signature Version 4 allows for a presigned URL: 7 days. */
  public static final Duration MAX_UPLOAD_URL_EXPIRY = Duration.ofDays(7);

  /** Creates a configuration and checks every field. */
  public ApiConfig {
    if (function == null) {
      throw new IllegalArgumentException("function must not be null");
    }
    if (uploadsBucket == null || uploadsBucket.isBlank()) {
      throw new IllegalArgumentException(
          "uploadsBucket must not be blank, was '" + uploadsBucket + "'");
    }
    checkPrefix(uploadsPrefix, function.resultsPrefix());
    checkInlineLimit(maxInlineImageBytes);
    checkExpiry(uploadUrlExpiry);
  }

  /**
   * Reads the configuration from environment variables, the shared ones through {@link
   * FunctionConfig#fromEnvironment}.
   *
   * @param environment the variables, normally {@link System#getenv()}
   * @throws IllegalArgumentException naming the variable that is missing or invalid
   */
  public static ApiConfig fromEnvironment(Map<String, String> environment) {
    String bucket = environment.get(UPLOADS_BUCKET_VARIABLE);
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException(
          "Environment variable "
              + UPLOADS_BUCKET_VARIABLE
              + " is missing. Set it in the function's configuration");
    }
    return new ApiConfig(
        FunctionConfig.fromEnvironment(environment),
        bucket.strip(),
        environment.getOrDefault(UPLOADS_PREFIX_VARIABLE, DEFAULT_UPLOADS_PREFIX),
        number(environment, MAX_INLINE_IMAGE_BYTES_VARIABLE, DEFAULT_MAX_INLINE_IMAGE_BYTES),
        Duration.ofSeconds(
            number(
                environment, UPLOAD_URL_EXPIRY_VARIABLE, DEFAULT_UPLOAD_URL_EXPIRY.toSeconds())));
  }

  /**
   * Returns the configuration with the defaults for everything but the shared settings and the
   * bucket.
   */
  public static ApiConfig withDefaults(FunctionConfig function, String uploadsBucket) {
    return new ApiConfig(
        function,
        uploadsBucket,
        DEFAULT_UPLOADS_PREFIX,
        DEFAULT_MAX_INLINE_IMAGE_BYTES,
        DEFAULT_UPLOAD_URL_EXPIRY);
  }

  private static void checkPrefix(String prefix, String resultsPrefix) {
    if (prefix == null || prefix.isBlank() || !prefix.endsWith("/")) {
      throw new IllegalArgumentException(
          "uploadsPrefix must be non-blank and end with '/', was '" + prefix + "'");
    }
    if (prefix.startsWith(resultsPrefix) || resultsPrefix.startsWith(prefix)) {
      throw new IllegalArgumentException(
          "uploadsPrefix '%s' must not overlap the results prefix '%s', or results would be classified again"
              .formatted(prefix, resultsPrefix));
    }
  }

  private static void checkInlineLimit(long bytes) {
    if (bytes < 1 || bytes > MAX_INLINE_IMAGE_BYTES) {
      throw new IllegalArgumentException(
          "maxInlineImageBytes must be from 1 to %d (base64 makes that Lambda's 6 MB request limit), was %d"
              .formatted(MAX_INLINE_IMAGE_BYTES, bytes));
    }
  }

  private static void checkExpiry(Duration expiry) {
    if (expiry == null
        || expiry.compareTo(Duration.ofSeconds(1)) < 0
        || expiry.compareTo(MAX_UPLOAD_URL_EXPIRY) > 0) {
      throw new IllegalArgumentException(
          "uploadUrlExpiry must be from 1 second to 7 days, was " + expiry);
    }
  }

  private static long number(Map<String, String> environment, String name, long defaultValue) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "%s must be a whole number, was '%s'. Set it to a value such as %d"
              .formatted(name, value, defaultValue),
          e);
    }
  }
}
