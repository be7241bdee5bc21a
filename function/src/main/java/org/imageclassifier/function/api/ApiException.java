package org.imageclassifier.function.api;

/**
 * A request that the API rejects, with the HTTP status and the stable code of the JSON error body.
 * Thrown for client errors (4xx); server failures are not wrapped in it.
 */
public final class ApiException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  /** Creates the exception with an HTTP status, a stable code and a message for the client. */
  public ApiException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  /** Creates the exception with an HTTP status, a stable code, a message and the cause. */
  public ApiException(int status, String code, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.code = code;
  }

  /** Returns the HTTP status code of the response, such as 400. */
  public int status() {
    return status;
  }

  /** Returns the stable error code of the response body, such as {@code NOT_AN_IMAGE}. */
  public String code() {
    return code;
  }
}
