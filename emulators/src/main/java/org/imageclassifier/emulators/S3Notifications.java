package org.imageclassifier.emulators;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.RequestParametersEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.ResponseElementsEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.UserIdentityEntity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Builds the S3 event notifications that Amazon S3 sends to Lambda, for servers such as S3Proxy
 * that store objects but send no notifications.
 */
public final class S3Notifications {

  /** Event name of a completed single-part upload. */
  public static final String OBJECT_CREATED_PUT = "ObjectCreated:Put";

  private static final String PRINCIPAL_ID = "AWS:AIDALOCALUSEREXAMPLE";
  private static final AtomicLong SEQUENCER = new AtomicLong(System.currentTimeMillis() << 16);

  private S3Notifications() {}

  /**
   * Builds an {@code ObjectCreated:Put} event with one record, the key URL-encoded as S3 encodes
   * it.
   *
   * @param bucket bucket name
   * @param key object key as stored, not encoded
   * @param size object size in bytes
   * @param eTag the object's ETag without quotes
   * @param versionId the object version, or null for a bucket without versioning
   * @param sequencer the event's sequencer (uppercase hex), see {@link #nextSequencer()}
   */
  public static S3Event objectCreated(
      String bucket, String key, long size, String eTag, String versionId, String sequencer) {
    S3ObjectEntity object = new S3ObjectEntity(encodeKey(key), size, eTag, versionId, sequencer);
    S3BucketEntity bucketEntity =
        new S3BucketEntity(bucket, new UserIdentityEntity(PRINCIPAL_ID), "arn:aws:s3:::" + bucket);
    S3Entity s3 = new S3Entity("uploads-created", bucketEntity, object, "1.0");
    S3EventNotificationRecord record =
        new S3EventNotificationRecord(
            LocalCredentials.REGION,
            OBJECT_CREATED_PUT,
            "aws:s3",
            Instant.now().toString(),
            "2.1",
            new RequestParametersEntity(LocalCredentials.HOST),
            new ResponseElementsEntity("local-host-id", "local-request-id"),
            s3,
            new UserIdentityEntity(PRINCIPAL_ID));
    return new S3Event(List.of(record));
  }

  /**
   * Returns a new sequencer, greater than every one returned before in this JVM, as 16 uppercase
   * hex digits. Amazon S3 orders the events of one key the same way.
   */
  public static String nextSequencer() {
    return "%016X".formatted(SEQUENCER.incrementAndGet());
  }

  /**
   * Encodes a key the way S3 event notifications do: form URL encoding ({@code +} for a space) of
   * each path segment, with the {@code /} separators kept.
   */
  public static String encodeKey(String key) {
    return Arrays.stream(key.split("/", -1))
        .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8))
        .collect(Collectors.joining("/"));
  }

  /** Returns the lowercase hex form of an ETag without the quotes that S3 responses include. */
  public static String unquoteETag(String eTag) {
    return eTag.replace("\"", "").toLowerCase(Locale.ROOT);
  }
}
