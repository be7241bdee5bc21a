package org.imageclassifier.function;

/**
 * Thrown when an object can never be classified, so retrying the event cannot help: the object is
 * gone, too large, or not a decodable image. The function records it as a FAILED result.
 */
public class PermanentFailureException extends Exception {

  /** Code for an object that no longer exists (deleted, or a version that is gone). */
  public static final String OBJECT_NOT_FOUND = "OBJECT_NOT_FOUND";

  /** Code for an object above the configured size limit. */
  public static final String OBJECT_TOO_LARGE = "OBJECT_TOO_LARGE";

  private static final long serialVersionUID = 1L;

  private final String code;

  /** Creates the exception with a stable code and a message for a person. */
  public PermanentFailureException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** Creates the exception with a stable code, a message for a person and the cause. */
  public PermanentFailureException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** Returns the stable code stored as {@code error.code} of the result. */
  public String code() {
    return code;
  }
}
