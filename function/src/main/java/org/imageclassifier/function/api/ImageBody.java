package org.imageclassifier.function.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.imageclassifier.core.image.ErrorCode;

/**
 * Reads the image from the body of an HTTP API event. API Gateway base64-encodes binary bodies and
 * sets {@code isBase64Encoded}; a body without the flag is text and is used as its UTF-8 bytes.
 */
final class ImageBody {

  private ImageBody() {}

  /**
   * Returns the body bytes, base64-decoded when the event says so.
   *
   * @param maxBytes the largest body accepted, in bytes after decoding
   * @throws ApiException 400 EMPTY_IMAGE for a missing or empty body, 400 INVALID_REQUEST for
   *     invalid base64, 413 PAYLOAD_TOO_LARGE above {@code maxBytes}
   */
  static byte[] read(APIGatewayV2HTTPEvent event, long maxBytes) throws ApiException {
    String body = event.getBody();
    if (body == null || body.isEmpty()) {
      throw new ApiException(
          ApiErrors.status(ErrorCode.EMPTY_IMAGE),
          ErrorCode.EMPTY_IMAGE.name(),
          "The request body is empty. Send the image file as the body");
    }
    byte[] bytes = event.getIsBase64Encoded() ? decode(body, maxBytes) : utf8(body);
    checkSize(bytes.length, maxBytes);
    return bytes;
  }

  /** Decodes base64, checking the decoded size that the text length implies before decoding. */
  private static byte[] decode(String body, long maxBytes) throws ApiException {
    checkSize(body.length() * 3L / 4 - padding(body), maxBytes);
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          400,
          ApiErrors.INVALID_REQUEST,
          "The body is marked base64-encoded but is not valid base64: " + e.getMessage(),
          e);
    }
  }

  private static int padding(String body) {
    int count = 0;
    for (int i = body.length() - 1; i >= 0 && count < 2 && body.charAt(i) == '='; i--) {
      count++;
    }
    return count;
  }

  private static byte[] utf8(String body) {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  private static void checkSize(long bytes, long maxBytes) throws ApiException {
    if (bytes > maxBytes) {
      throw new ApiException(
          413,
          ApiErrors.PAYLOAD_TOO_LARGE,
          ("The image is %d bytes, above the limit of %d bytes for POST /classify: Lambda accepts"
                  + " at most 6 MB per synchronous request and API Gateway sends the image"
                  + " base64-encoded. Upload larger images with POST /uploads, then read GET"
                  + " /results/{key}")
              .formatted(bytes, maxBytes));
    }
  }
}
