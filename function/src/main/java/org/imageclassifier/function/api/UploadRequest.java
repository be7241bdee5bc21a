package org.imageclassifier.function.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.imageclassifier.core.image.ErrorCode;

/**
 * The body of {@code POST /uploads}: what the client will upload. Both values are signed into the
 * presigned URL, so S3 rejects a PUT with another content type or length.
 *
 * @param contentType the media type of the image, one of {@link #CONTENT_TYPES}
 * @param contentLength the exact size of the image in bytes
 */
public record UploadRequest(String contentType, long contentLength) {

  /** Media types that the decoder reads, each with the file extension of the generated key. */
  public static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "image/jpeg", "jpg",
          "image/png", "png",
          "image/gif", "gif",
          "image/bmp", "bmp",
          "image/tiff", "tiff",
          "image/webp", "webp");

  /**
   * Parses and checks the JSON body {@code {"contentType": "image/png", "contentLength": 1234}}.
   *
   * @param json the request body
   * @param maxObjectBytes the largest object that the S3 path classifies
   * @throws ApiException 400 for invalid JSON or a missing or non-positive length, 415 for a media
   *     type without a decoder, 413 for a length above {@code maxObjectBytes}
   */
  public static UploadRequest parse(String json, long maxObjectBytes, ObjectMapper mapper)
      throws ApiException {
    JsonNode body = readObject(json, mapper);
    String contentType = contentType(body.path("contentType"));
    long contentLength = contentLength(body.path("contentLength"), maxObjectBytes);
    return new UploadRequest(contentType, contentLength);
  }

  /** Returns the file extension of the generated object key, such as {@code png}. */
  public String extension() {
    return CONTENT_TYPES.get(contentType);
  }

  private static JsonNode readObject(String json, ObjectMapper mapper) throws ApiException {
    if (json == null || json.isBlank()) {
      throw ApiErrors.invalidRequest(
          "The body is empty. Send {\"contentType\": \"image/png\", \"contentLength\": <bytes>}");
    }
    try {
      JsonNode body = mapper.readTree(json);
      if (body == null || !body.isObject()) {
        throw ApiErrors.invalidRequest("The body must be a JSON object, was: " + json.strip());
      }
      return body;
    } catch (JsonProcessingException e) {
      throw new ApiException(
          400,
          ApiErrors.INVALID_REQUEST,
          "The body is not valid JSON: " + e.getOriginalMessage(),
          e);
    }
  }

  private static String contentType(JsonNode node) throws ApiException {
    if (!node.isTextual() || node.textValue().isBlank()) {
      throw ApiErrors.invalidRequest(
          "contentType is missing. Set it to one of " + new TreeMap<>(CONTENT_TYPES).keySet());
    }
    String contentType = node.textValue().strip().toLowerCase(Locale.ROOT);
    if (!CONTENT_TYPES.containsKey(contentType)) {
      throw new ApiException(
          ApiErrors.status(ErrorCode.UNSUPPORTED_FORMAT),
          ErrorCode.UNSUPPORTED_FORMAT.name(),
          "contentType '%s' has no decoder here. Send one of %s"
              .formatted(node.textValue(), new TreeMap<>(CONTENT_TYPES).keySet()));
    }
    return contentType;
  }

  private static long contentLength(JsonNode node, long maxObjectBytes) throws ApiException {
    if (node.isMissingNode() || node.isNull()) {
      throw ApiErrors.invalidRequest(
          "contentLength is missing. Set it to the size of the image in bytes");
    }
    boolean wholeNumber = node.canConvertToExactIntegral() && node.canConvertToLong();
    if (!wholeNumber || node.asLong() < 1) {
      throw ApiErrors.invalidRequest(
          "contentLength must be the image size as a whole number of bytes, at least 1, was "
              + node);
    }
    long length = node.asLong();
    if (length > maxObjectBytes) {
      throw new ApiException(
          413,
          ApiErrors.OBJECT_TOO_LARGE,
          "contentLength %d is above the limit of %d bytes for uploads; send a smaller image"
              .formatted(length, maxObjectBytes));
    }
    return length;
  }
}
