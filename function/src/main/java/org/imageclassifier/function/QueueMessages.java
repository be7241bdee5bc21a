package org.imageclassifier.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the S3 event notifications that S3 sends to an SQS queue: the message body is the same JSON
 * document that S3 sends to Lambda directly, or, when the notification went through an SNS topic
 * first, an SNS envelope whose {@code Message} is that document.
 */
final class QueueMessages {

  /** The {@code Event} of the message that S3 sends when a notification is configured. */
  static final String TEST_EVENT = "s3:TestEvent";

  private QueueMessages() {}

  /**
   * The content of one message.
   *
   * @param records the records of an S3 event; empty for a test event
   * @param malformedRecords how many records had no bucket or key, or an invalid key encoding
   * @param testEvent whether the message is the {@code s3:TestEvent}
   */
  record Content(List<ObjectEvent> records, int malformedRecords, boolean testEvent) {}

  /**
   * Reads one message body.
   *
   * @throws IllegalArgumentException when the body is not JSON, or JSON without {@code Records} and
   *     not a test event
   */
  static Content read(String body, ObjectMapper mapper) {
    JsonNode root = parse(body, mapper);
    if (root.path("Type").asText().equals("Notification") && root.path("Message").isTextual()) {
      root = parse(root.get("Message").asText(), mapper);
    }
    if (root.path("Event").asText().equals(TEST_EVENT)) {
      return new Content(List.of(), 0, true);
    }
    JsonNode records = root.get("Records");
    if (records == null || !records.isArray()) {
      throw new IllegalArgumentException(
          "The message is neither an S3 event with Records nor an s3:TestEvent");
    }
    List<ObjectEvent> events = new ArrayList<>();
    int malformed = 0;
    for (JsonNode record : records) {
      try {
        events.add(objectEvent(record));
      } catch (IllegalArgumentException e) {
        malformed++;
      }
    }
    return new Content(events, malformed, false);
  }

  private static JsonNode parse(String body, ObjectMapper mapper) {
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("The message body is empty");
    }
    try {
      return mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The message body is not JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * Reads one record as {@link ObjectEvent#from} reads it from the Lambda event classes.
   *
   * @throws IllegalArgumentException when the record has no bucket name or key, or the key is not
   *     valid URL encoding
   */
  static ObjectEvent objectEvent(JsonNode record) {
    JsonNode s3 = record.path("s3");
    String bucket = text(s3.path("bucket").path("name"));
    JsonNode object = s3.path("object");
    String key = text(object.path("key"));
    if (bucket == null || key == null) {
      throw new IllegalArgumentException(
          "The S3 event record has no bucket name or object key: bucket %s, key %s"
              .formatted(bucket, key));
    }
    return new ObjectEvent(
        text(record.path("eventName")),
        bucket,
        ObjectEvent.decodeKey(key),
        object.path("size").isNumber() ? object.get("size").asLong() : null,
        text(object.path("eTag")),
        text(object.path("versionId")),
        text(object.path("sequencer")));
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }
}
