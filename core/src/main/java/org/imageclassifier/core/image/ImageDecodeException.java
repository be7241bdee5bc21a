package org.imageclassifier.core.image;

/**
 * Thrown when bytes cannot be turned into pixels. The failure is permanent: retrying the same bytes
 * fails the same way.
 */
public class ImageDecodeException extends Exception {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  /** Creates the exception with a stable code and a message for the user. */
  public ImageDecodeException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  /** Creates the exception with a stable code, a message for the user and the cause. */
  public ImageDecodeException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** Returns the stable code that names the reason. */
  public ErrorCode code() {
    return code;
  }
}
