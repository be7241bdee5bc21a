package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.imageclassifier.emulators.Fault;
import org.imageclassifier.emulators.FaultProxy;
import org.imageclassifier.emulators.RequestHead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * The S3 -> SQS -> Lambda path with the sample event of {@code events/sqs-s3.json}: an s3:TestEvent
 * and two S3 events, one of whose downloads keeps failing. The response names only the message with
 * the failed record, so SQS deletes the others.
 */
@ExtendWith(LocalServers.class)
class QueueHandlerTest {

  /** The bucket that the sample events name. */
  static final String DEPLOYED_BUCKET = "image-classifier-uploads-123456789012-us-east-1";

  private static final String TEST_EVENT_MESSAGE = "059f36b4-87a3-44ab-83d2-661975830a7d";
  private static final String BOOT_MESSAGE = "2e1424d4-f796-459a-8184-9c92662be6da";
  private static final String SNEAKER_MESSAGE = "8d7a9bc1-4f3e-4c0f-9a51-0b7e2f6c1d33";
  private static final SdkRetrySettings FAST_RETRIES =
      new SdkRetrySettings(
          2,
          Duration.ofMillis(10),
          Duration.ofMillis(20),
          Duration.ofMillis(100),
          Duration.ofSeconds(1),
          Duration.ofSeconds(3),
          Duration.ofSeconds(1));

  private static final List<String> documents = Collections.synchronizedList(new ArrayList<>());
  private static Bucket bucket;
  private static FaultProxy s3Proxy;
  private static QueueHandler handler;

  @BeforeAll
  static void createHandler(AwsEndpoints aws) throws IOException {
    bucket = deployedBucket(aws);
    upload("uploads/Ankle boot.png", "9-ankle-boot.png");
    upload("uploads/Sneaker.png", "7-sneaker.png");
    s3Proxy = FaultProxy.start(aws.config().s3Endpoint());
    FunctionConfig config =
        bucket
            .config()
            .withEndpoints(s3Proxy.endpoint(), aws.config().dynamoDbEndpoint())
            .withRetry(FAST_RETRIES);
    RecordTelemetry telemetry =
        new RecordTelemetry("ImageClassifier", "test", "queue", documents::add);
    handler = new QueueHandler(config, ServingOptions.bundled(telemetry));
  }

  @AfterAll
  static void closeHandler() {
    handler.close();
    s3Proxy.close();
  }

  @AfterEach
  void clearFaults() {
    s3Proxy.clearFaults();
  }

  @Test
  void onlyFailedMessageReturned() {
    Predicate<RequestHead> sneakerDownload =
        RequestHead.s3("GET", DEPLOYED_BUCKET, "uploads/Sneaker.png");
    s3Proxy.inject(sneakerDownload, Integer.MAX_VALUE, Fault.s3SlowDown());
    SQSEvent event = EventLoader.loadSQSEvent("events/sqs-s3.json");

    SQSBatchResponse response = handler.handleRequest(event, Bucket.context());

    assertThat(response.getBatchItemFailures())
        .extracting(BatchItemFailure::getItemIdentifier)
        .containsExactly(SNEAKER_MESSAGE);
    assertThat(bucket.item("uploads/Ankle boot.png")).isPresent();
    assertThat(bucket.item("uploads/Sneaker.png")).isEmpty();
    JsonNode retry = retryDocument("uploads/Sneaker.png");
    assertThat(retry.get("ErrorCode").asText()).isEqualTo("SlowDown");
    assertThat(retry.get("Errors").asDouble()).isEqualTo(1.0);

    s3Proxy.clearFaults();
    SQSEvent redelivery = new SQSEvent();
    redelivery.setRecords(List.of(message(event, SNEAKER_MESSAGE)));
    assertThat(handler.handleRequest(redelivery, Bucket.context()).getBatchItemFailures())
        .isEmpty();
    assertThat(bucket.item("uploads/Sneaker.png").orElseThrow().get("label").asText())
        .isEqualTo("Sneaker");
  }

  @Test
  void testEventAcknowledged() {
    SQSEvent event = new SQSEvent();
    event.setRecords(
        List.of(message(EventLoader.loadSQSEvent("events/sqs-s3.json"), TEST_EVENT_MESSAGE)));
    int items = bucket.itemCount();

    SQSBatchResponse response = handler.handleRequest(event, Bucket.context());

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(bucket.itemCount()).isEqualTo(items);
  }

  @Test
  void malformedBodiesAcknowledged() {
    SQSMessage notJson = new SQSMessage();
    notJson.setMessageId("not-json");
    notJson.setBody("<Error>not an event</Error>");
    SQSMessage noRecords = new SQSMessage();
    noRecords.setMessageId("no-records");
    noRecords.setBody("{\"Service\":\"Amazon S3\"}");
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(notJson, noRecords));

    try (LogCapture logs = LogCapture.start()) {
      SQSBatchResponse response = handler.handleRequest(event, Bucket.context());

      assertThat(response.getBatchItemFailures()).isEmpty();
      assertThat(logs.lines())
          .filteredOn(line -> line.path("level").asText().equals("ERROR"))
          .extracting(line -> line.get("messageId").asText())
          .containsExactly("not-json", "no-records");
    }
  }

  @Test
  void snsEnvelopeRead() {
    SQSMessage boot = message(EventLoader.loadSQSEvent("events/sqs-s3.json"), BOOT_MESSAGE);
    QueueMessages.Content direct = QueueMessages.read(boot.getBody(), new ObjectMapper());
    String envelope =
        new ObjectMapper()
            .createObjectNode()
            .put("Type", "Notification")
            .put("Message", boot.getBody())
            .toString();

    QueueMessages.Content wrapped = QueueMessages.read(envelope, new ObjectMapper());

    assertThat(wrapped.records()).isEqualTo(direct.records());
    assertThat(direct.records().getFirst().key()).isEqualTo("uploads/Ankle boot.png");
  }

  /**
   * Creates the bucket of the sample events, unless another test class made it already on the
   * shared servers, and a table of the same name.
   */
  private static Bucket deployedBucket(AwsEndpoints aws) {
    try {
      aws.s3().createBucket(b -> b.bucket(DEPLOYED_BUCKET));
    } catch (BucketAlreadyOwnedByYouException e) {
      // The S3 event scenario uploads the sample event's object to the same bucket.
    }
    aws.dynamoDb().createTable(ResultsTable.createRequest(DEPLOYED_BUCKET));
    return new Bucket(aws, Bucket.configFor(aws, DEPLOYED_BUCKET), DEPLOYED_BUCKET);
  }

  private static SQSMessage message(SQSEvent event, String messageId) {
    return event.getRecords().stream()
        .filter(message -> message.getMessageId().equals(messageId))
        .findFirst()
        .orElseThrow();
  }

  private static JsonNode retryDocument(String key) {
    return documents.stream()
        .map(LogCapture::parse)
        .filter(json -> json.path("Outcome").asText().equals("RETRY"))
        .filter(json -> json.path("objectKey").asText().equals(key))
        .findFirst()
        .orElseThrow();
  }

  private static void upload(String key, String file) {
    bucket
        .aws()
        .s3()
        .putObject(
            b -> b.bucket(DEPLOYED_BUCKET).key(key),
            RequestBody.fromBytes(Bucket.resource("fashion-mnist/" + file)));
  }
}
