package org.imageclassifier.function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The result of classifying one S3 object. The same JSON document is stored as the S3 result
 * object, converted attribute by attribute into the DynamoDB item, and returned by the API.
 *
 * @param requestId the Lambda request id of the invocation that produced the result
 * @param status the outcome
 * @param label the most probable label; null when FAILED
 * @param confidence probability of {@code label} in [0, 1]; null when FAILED
 * @param topK the most probable labels, best first; null when FAILED
 * @param source the classified object
 * @param image what was decoded; null when the bytes were never decoded
 * @param model the model that classified the image
 * @param error why the object was rejected; only when FAILED
 * @param timingsMs time per stage in milliseconds; a stage that did not run is null
 * @param classifiedAt when the result was produced, ISO-8601 in UTC
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClassificationResult(
    String requestId,
    Status status,
    String label,
    Double confidence,
    List<LabelScore> topK,
    Source source,
    ImageInfo image,
    ModelInfo model,
    ErrorInfo error,
    Timings timingsMs,
    String classifiedAt) {

  /** Outcome of a classification. */
  public enum Status {
    /** The top label's probability reached the model's confidence threshold. */
    CLASSIFIED,
    /** The image was classified, but the top label's probability is below the threshold. */
    BELOW_THRESHOLD,
    /**
     * The object was rejected permanently, for the reason in {@code error}. Retrying does not help.
     */
    FAILED
  }

  /**
   * One label and its probability.
   *
   * @param label the class label from the model contract
   * @param probability probability in [0, 1]
   */
  public record LabelScore(String label, double probability) {}

  /**
   * The S3 object that was classified.
   *
   * @param bucket bucket name
   * @param key object key, decoded
   * @param versionId object version, or null without versioning
   * @param eTag the object's ETag without quotes
   * @param size object size in bytes, or null when unknown
   * @param sequencer the S3 event's sequencer, or null when the event had none
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Source(
      String bucket, String key, String versionId, String eTag, Long size, String sequencer) {}

  /**
   * The decoded image.
   *
   * @param format format detected from the bytes, such as PNG or JPEG
   * @param width width in pixels as displayed, after the EXIF orientation
   * @param height height in pixels as displayed, after the EXIF orientation
   * @param orientation EXIF orientation that was applied, 1 when none
   */
  public record ImageInfo(String format, int width, int height, int orientation) {}

  /**
   * The model that produced the result.
   *
   * @param name model name from model.json
   * @param version model version from model.json
   * @param sha256 SHA-256 of the ONNX file
   */
  public record ModelInfo(String name, String version, String sha256) {}

  /**
   * The reason an object was rejected.
   *
   * @param code stable code: an image decoding code such as NOT_AN_IMAGE, or OBJECT_NOT_FOUND or
   *     OBJECT_TOO_LARGE
   * @param message explanation for a person
   */
  public record ErrorInfo(String code, String message) {}

  /**
   * Time per stage in milliseconds; null for a stage that did not run.
   *
   * @param download reading the object from S3
   * @param decode decoding the bytes into pixels
   * @param preprocess resizing and normalising into the input tensor
   * @param inference running the model
   * @param total from the start of the record to the finished result, before it is stored
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Timings(
      Double download, Double decode, Double preprocess, Double inference, Double total) {}
}
