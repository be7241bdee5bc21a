package org.imageclassifier.function;

import java.util.List;

/**
 * Thrown by the handler after every record of an event was attempted, when some failed for a reason
 * that may pass (throttling, 5xx, timeouts, engine errors). The failed invocation makes Lambda
 * retry the whole event; records already stored are then skipped as duplicates.
 */
public final class RetryableFailureException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> failedKeys;

  /**
   * Creates the exception for the failed keys; the first failure is the cause and the others are
   * suppressed.
   */
  public RetryableFailureException(List<String> failedKeys, List<Exception> failures) {
    super(
        "%d records of the event failed and the event will be retried: %s"
            .formatted(failedKeys.size(), failedKeys),
        failures.getFirst());
    failures.stream().skip(1).forEach(this::addSuppressed);
    this.failedKeys = List.copyOf(failedKeys);
  }

  /** Returns the decoded keys of the records that failed. */
  public List<String> failedKeys() {
    return failedKeys;
  }
}
