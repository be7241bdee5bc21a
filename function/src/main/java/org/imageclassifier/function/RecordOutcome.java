package org.imageclassifier.function;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of one record of an S3 event.
 *
 * @param bucket bucket name
 * @param key object key, decoded
 * @param disposition what happened to the record
 * @param result the stored result (also for DUPLICATE); null when SKIPPED
 * @param resultUri the {@code s3://} URI of the result object; null when SKIPPED
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordOutcome(
    String bucket,
    String key,
    Disposition disposition,
    ClassificationResult result,
    String resultUri) {

  /** Disposition of a record: stored, duplicate or skipped. */
  public enum Disposition {
    /** A new result was stored in S3 and DynamoDB. */
    STORED,
    /** A result of the same or a newer event was already stored; nothing was written. */
    DUPLICATE,
    /** Not an object to classify: a result object, a folder marker or not a created object. */
    SKIPPED
  }

  /** Returns the outcome of a record that was not classified. */
  static RecordOutcome skipped(ObjectEvent event) {
    return new RecordOutcome(event.bucket(), event.key(), Disposition.SKIPPED, null, null);
  }
}
