package org.imageclassifier.emulators;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The action {@link FaultProxy} takes on a request that a fault rule matches. */
public sealed interface Fault {

  /**
   * Sends this response and never forwards the request.
   *
   * @param status HTTP status code
   * @param headers response headers besides Content-Length and Connection
   * @param body response body
   */
  record Respond(int status, Map<String, String> headers, byte[] body) implements Fault {}

  /**
   * Waits, then forwards the request. A client whose timeout is shorter gives up, while the request
   * may still reach the server, as it can on a real network.
   *
   * @param delay time to wait before forwarding
   */
  record DelayThenForward(Duration delay) implements Fault {}

  /**
   * Forwards the request and sends the response at most this fast, in pieces ten times a second, as
   * a congested network would.
   *
   * @param bytesPerSecond response bytes per second, at least 10
   */
  record Throttle(int bytesPerSecond) implements Fault {

    /** Creates the fault after checking the rate. */
    public Throttle {
      if (bytesPerSecond < 10) {
        throw new IllegalArgumentException(
            "bytesPerSecond must be at least 10, was " + bytesPerSecond);
      }
    }
  }

  /**
   * Holds the connection open without a response, then closes it. The request never reaches the
   * server.
   *
   * @param duration time to hold the connection
   */
  record Stall(Duration duration) implements Fault {}

  /** Closes the connection without a response, so the request never reaches the server. */
  record Disconnect() implements Fault {}

  /** Returns S3's 503 SlowDown, its throttling response. */
  static Fault s3SlowDown() {
    return s3Error(503, "SlowDown", "Please reduce your request rate.");
  }

  /** Returns S3's 500 InternalError. */
  static Fault s3InternalError() {
    return s3Error(500, "InternalError", "We encountered an internal error. Please try again.");
  }

  /** Returns DynamoDB's 400 ThrottlingException. */
  static Fault dynamoDbThrottling() {
    return dynamoDbError(400, "ThrottlingException", "Rate of requests exceeds the allowed rate.");
  }

  /** Returns DynamoDB's 400 ProvisionedThroughputExceededException. */
  static Fault provisionedThroughputExceeded() {
    return dynamoDbError(
        400,
        "ProvisionedThroughputExceededException",
        "The level of configured provisioned throughput for the table was exceeded.");
  }

  /** Returns DynamoDB's 500 InternalServerError. */
  static Fault dynamoDbInternalError() {
    return dynamoDbError(500, "InternalServerError", "Internal server error");
  }

  /** Returns an S3 error response: an XML {@code Error} document with the code and message. */
  static Fault s3Error(int status, String code, String message) {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>%s</Code><Message>%s</Message><RequestId>FAULTPROXY</RequestId></Error>"
            .formatted(code, message);
    return new Respond(
        status, Map.of("Content-Type", "application/xml"), xml.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns a DynamoDB error response: a JSON document whose {@code __type} names the error. */
  static Fault dynamoDbError(int status, String type, String message) {
    String json =
        "{\"__type\":\"com.amazonaws.dynamodb.v20120810#%s\",\"message\":\"%s\"}"
            .formatted(type, message);
    return new Respond(
        status,
        Map.of("Content-Type", "application/x-amz-json-1.0", "x-amzn-ErrorType", type),
        json.getBytes(StandardCharsets.UTF_8));
  }
}
