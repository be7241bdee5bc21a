package org.imageclassifier.function;

import java.time.Duration;
import java.util.Map;

/**
 * Retry and timeout settings of the SDK clients, for each S3 and DynamoDB call. Throttling (503
 * SlowDown, 400 ThrottlingException or ProvisionedThroughputExceededException), 5xx responses, I/O
 * errors and timed-out attempts are retried with exponential backoff and full jitter. When the
 * attempts are spent or the call timeout passes, the call throws and the invocation fails, so
 * Lambda retries the event. The read timeout bounds the download of an object body, which the SDK's
 * timeouts do not cover.
 *
 * @param maxAttempts attempts per call including the first, at least 1
 * @param baseDelay backoff base for errors other than throttling: attempt n waits a random time up
 *     to {@code baseDelay * 2^(n-1)}
 * @param throttlingBaseDelay backoff base for throttling errors, which need longer pauses
 * @param maxBackoff upper bound of one backoff pause
 * @param attemptTimeout time limit of one attempt (for GetObject, until the response headers
 *     arrive; the body is read under the HTTP client's socket timeout)
 * @param callTimeout time limit of one call with all its attempts and pauses, at least {@code
 *     attemptTimeout}
 * @param readTimeout time limit of reading the body of a downloaded object, which no SDK timeout
 *     covers
 */
public record SdkRetrySettings(
    int maxAttempts,
    Duration baseDelay,
    Duration throttlingBaseDelay,
    Duration maxBackoff,
    Duration attemptTimeout,
    Duration callTimeout,
    Duration readTimeout) {

  /** Environment variable with the attempts per call, as the AWS SDKs name it; default 4. */
  public static final String MAX_ATTEMPTS_VARIABLE = "AWS_MAX_ATTEMPTS";

  /** Environment variable with the time limit of one attempt in milliseconds; default 5000. */
  public static final String ATTEMPT_TIMEOUT_VARIABLE = "SDK_ATTEMPT_TIMEOUT_MS";

  /** Environment variable with the time limit of one call in milliseconds; default 12000. */
  public static final String CALL_TIMEOUT_VARIABLE = "SDK_CALL_TIMEOUT_MS";

  /**
   * Environment variable with the time limit of reading an object body in milliseconds; default
   * 30000.
   */
  public static final String READ_TIMEOUT_VARIABLE = "S3_READ_TIMEOUT_MS";

  /**
   * The defaults: 4 attempts, 100 ms base delay (500 ms for throttling), pauses of at most 2 s, 5 s
   * per attempt, 12 s per call and 30 s to read an object body. The first call that fails ends its
   * record, so a persistent fault costs a record at most 12 s of the function's 60 s timeout
   * (template.yaml), or 30 s plus one socket timeout (20 s) while a body arrives slowly.
   */
  public static final SdkRetrySettings DEFAULT =
      new SdkRetrySettings(
          4,
          Duration.ofMillis(100),
          Duration.ofMillis(500),
          Duration.ofSeconds(2),
          Duration.ofSeconds(5),
          Duration.ofSeconds(12),
          Duration.ofSeconds(30));

  /** Creates settings after checking every field. */
  public SdkRetrySettings {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    requirePositive(baseDelay, "baseDelay");
    requirePositive(throttlingBaseDelay, "throttlingBaseDelay");
    requirePositive(maxBackoff, "maxBackoff");
    requirePositive(attemptTimeout, "attemptTimeout");
    requirePositive(callTimeout, "callTimeout");
    requirePositive(readTimeout, "readTimeout");
    if (callTimeout.compareTo(attemptTimeout) < 0) {
      throw new IllegalArgumentException(
          "callTimeout must be at least attemptTimeout (%s), was %s"
              .formatted(attemptTimeout, callTimeout));
    }
  }

  /**
   * Reads the settings from environment variables, with the {@link #DEFAULT} for those unset.
   *
   * @throws IllegalArgumentException naming the variable that is invalid
   */
  public static SdkRetrySettings fromEnvironment(Map<String, String> environment) {
    return new SdkRetrySettings(
        (int) number(environment, MAX_ATTEMPTS_VARIABLE, DEFAULT.maxAttempts()),
        DEFAULT.baseDelay(),
        DEFAULT.throttlingBaseDelay(),
        DEFAULT.maxBackoff(),
        Duration.ofMillis(
            number(environment, ATTEMPT_TIMEOUT_VARIABLE, DEFAULT.attemptTimeout().toMillis())),
        Duration.ofMillis(
            number(environment, CALL_TIMEOUT_VARIABLE, DEFAULT.callTimeout().toMillis())),
        Duration.ofMillis(
            number(environment, READ_TIMEOUT_VARIABLE, DEFAULT.readTimeout().toMillis())));
  }

  /** Returns these settings with other attempt and call timeouts. */
  public SdkRetrySettings withTimeouts(Duration attempt, Duration call) {
    return new SdkRetrySettings(
        maxAttempts, baseDelay, throttlingBaseDelay, maxBackoff, attempt, call, readTimeout);
  }

  /** Returns these settings with other backoff delays. */
  public SdkRetrySettings withBackoff(Duration base, Duration throttlingBase, Duration max) {
    return new SdkRetrySettings(
        maxAttempts, base, throttlingBase, max, attemptTimeout, callTimeout, readTimeout);
  }

  private static long number(Map<String, String> environment, String name, long fallback) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "%s must be a whole number, was '%s'. Set it to a value such as %d"
              .formatted(name, value, fallback),
          e);
    }
  }

  private static void requirePositive(Duration value, String field) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be a positive duration, was " + value);
    }
  }
}
