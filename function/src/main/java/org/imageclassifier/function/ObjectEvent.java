package org.imageclassifier.function;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One record of an S3 event notification, with the object key decoded.
 *
 * @param eventName the event type without the {@code s3:} prefix, such as {@code ObjectCreated:Put}
 * @param bucket bucket name
 * @param key the object key as stored in S3, decoded from the event's URL encoding
 * @param size object size in bytes from the event, or null when the event has none
 * @param eTag the object's ETag from the event, or null
 * @param versionId the object version, or null when the bucket has no versioning
 * @param sequencer the event's sequencer (hex), or null when the event has none
 */
public record ObjectEvent(
    String eventName,
    String bucket,
    String key,
    Long size,
    String eTag,
    String versionId,
    String sequencer) {

  /** Width that sequencers are padded to before they are compared, in characters. */
  static final int ORDER_WIDTH = 64;

  /**
   * Reads one S3 event record.
   *
   * @throws IllegalArgumentException when the record has no bucket name or object key, or the key
   *     is not valid URL encoding
   */
  public static ObjectEvent from(S3EventNotificationRecord record) {
    String bucket = rawBucket(record);
    String encodedKey = rawKey(record);
    if (bucket == null || encodedKey == null) {
      throw new IllegalArgumentException(
          "The S3 event record has no bucket name or object key: bucket %s, key %s"
              .formatted(bucket, encodedKey));
    }
    S3ObjectEntity object = record.getS3().getObject();
    return new ObjectEvent(
        record.getEventName(),
        bucket,
        decodeKey(encodedKey),
        object.getSizeAsLong(),
        object.geteTag(),
        object.getVersionId(),
        object.getSequencer());
  }

  /**
   * Decodes a key from an S3 event, which uses form URL encoding: {@code +} is a space and {@code
   * %2B} a plus sign, so {@code this+im+%2B+age.jpg} is {@code this im + age.jpg}.
   */
  public static String decodeKey(String encodedKey) {
    return URLDecoder.decode(encodedKey, StandardCharsets.UTF_8);
  }

  /** Returns the bucket name of a record, or null when the record has none. */
  static String rawBucket(S3EventNotificationRecord record) {
    if (record == null || record.getS3() == null || record.getS3().getBucket() == null) {
      return null;
    }
    return record.getS3().getBucket().getName();
  }

  /** Returns the object key of a record as sent (URL-encoded), or null when it has none. */
  static String rawKey(S3EventNotificationRecord record) {
    if (record == null || record.getS3() == null || record.getS3().getObject() == null) {
      return null;
    }
    return record.getS3().getObject().getKey();
  }

  /** Returns whether the event reports a new object (any {@code ObjectCreated:*} type). */
  public boolean isObjectCreated() {
    return eventName != null && eventName.startsWith("ObjectCreated:");
  }

  /**
   * Returns a string that orders the events of this key: the sequencer in uppercase, right-padded
   * with zeros to {@value #ORDER_WIDTH} characters, because S3 sequencers of one key compare that
   * way. An event without a sequencer returns the empty string, which orders before every other.
   */
  public String order() {
    if (sequencer == null || sequencer.isBlank()) {
      return "";
    }
    String upper = sequencer.strip().toUpperCase(Locale.ROOT);
    return upper.length() >= ORDER_WIDTH ? upper : upper + "0".repeat(ORDER_WIDTH - upper.length());
  }
}
