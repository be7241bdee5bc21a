package org.imageclassifier.function.api;

import org.imageclassifier.core.image.ErrorCode;
import org.imageclassifier.core.image.ImageDecodeException;

/**
 * The error codes of the HTTP API and their statuses. The image codes come from the decoder; the
 * others name request problems. Every error body is {@code {"code", "message", "requestId"}}.
 */
public final class ApiErrors {

  /** 400: the request body or a parameter is invalid (JSON, base64, key). */
  public static final String INVALID_REQUEST = "INVALID_REQUEST";

  /** 413: the request body is above the limit for synchronous classification. */
  public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";

  /** 413: the announced upload is above the largest object the S3 path downloads. */
  public static final String OBJECT_TOO_LARGE = "OBJECT_TOO_LARGE";

  /** 404: no result is stored for the key yet. */
  public static final String RESULT_NOT_FOUND = "RESULT_NOT_FOUND";

  /** 404: no route matches the method and path. */
  public static final String ROUTE_NOT_FOUND = "ROUTE_NOT_FOUND";

  /** 500: the function failed; the body has the request id and no details. */
  public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

  private ApiErrors() {}

  /**
   * Returns the HTTP status of a decoding error code: 400 for input that is not an image, 413 for
   * an image above the pixel budget, 415 for a format without a decoder and 422 for a damaged
   * image.
   */
  public static int status(ErrorCode code) {
    return switch (code) {
      case EMPTY_IMAGE, NOT_AN_IMAGE -> 400;
      case IMAGE_TOO_LARGE -> 413;
      case UNSUPPORTED_FORMAT -> 415;
      case CORRUPT_IMAGE -> 422;
    };
  }

  /** Converts a decoding failure to the API error with its status, code and message. */
  static ApiException of(ImageDecodeException e) {
    return new ApiException(status(e.code()), e.code().name(), e.getMessage(), e);
  }

  /** Returns a 400 INVALID_REQUEST error with the message. */
  static ApiException invalidRequest(String message) {
    return new ApiException(400, INVALID_REQUEST, message);
  }
}
