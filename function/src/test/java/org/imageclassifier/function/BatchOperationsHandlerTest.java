package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3BatchEventV2;
import com.amazonaws.services.lambda.runtime.events.S3BatchEventV2.Task;
import com.amazonaws.services.lambda.runtime.events.S3BatchResponse;
import com.amazonaws.services.lambda.runtime.events.S3BatchResponse.Result;
import com.amazonaws.services.lambda.runtime.events.S3BatchResponse.ResultCode;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.imageclassifier.emulators.S3Notifications;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Classifying objects again through S3 Batch Operations, with the sample event of {@code
 * events/s3-batch.json} (schema 2.0): objects already classified by the serving model are skipped,
 * results of another model are replaced, and each task gets its result code.
 */
@ExtendWith(LocalServers.class)
class BatchOperationsHandlerTest {

  private static Bucket bucket;
  private static ClassifyHandler events;
  private static BatchOperationsHandler batch;

  @BeforeAll
  static void createHandlers(AwsEndpoints aws) {
    bucket = Bucket.create(aws, "reclassify");
    RecordTelemetry telemetry = new RecordTelemetry("ImageClassifier", "test", "batch", line -> {});
    events = new ClassifyHandler(bucket.config(), ServingOptions.bundled(telemetry));
    batch = new BatchOperationsHandler(bucket.config(), ServingOptions.bundled(telemetry));
  }

  @AfterAll
  static void closeHandlers() {
    events.close();
    batch.close();
  }

  @Test
  void sampleEventClassifiesAndSkips() {
    events.handleRequest(
        bucket.putAndNotify("uploads/Ankle boot.png", image("9-ankle-boot.png")), Bucket.context());
    bucket
        .aws()
        .s3()
        .putObject(
            b -> b.bucket(bucket.name()).key("uploads/Sneaker.png"),
            RequestBody.fromBytes(image("7-sneaker.png")));
    S3BatchEventV2 event = sampleEvent();

    S3BatchResponse response = batch.handle(event, Bucket.context());

    assertThat(response.getInvocationId()).isEqualTo(event.getInvocationId());
    assertThat(response.getInvocationSchemaVersion()).isEqualTo("2.0");
    assertThat(response.getTreatMissingKeysAs()).isEqualTo(ResultCode.PermanentFailure);
    List<Result> results = response.getResults();
    assertThat(results)
        .extracting(Result::getTaskId)
        .containsExactly("dGFza2lkZ29lc2hlcmUK", "dGFza2lkZ29lc2hlcmUL");
    assertThat(results).extracting(Result::getResultCode).containsOnly(ResultCode.Succeeded);
    assertThat(results.get(0).getResultString()).startsWith("UNCHANGED");
    assertThat(results.get(1).getResultString()).startsWith("CLASSIFIED Sneaker");
    assertThat(bucket.item("uploads/Sneaker.png").orElseThrow().get("label").asText())
        .isEqualTo("Sneaker");
  }

  @Test
  void streamHandlerWritesResponseJson() throws Exception {
    bucket
        .aws()
        .s3()
        .putObject(
            b -> b.bucket(bucket.name()).key("uploads/streamed.png"),
            RequestBody.fromBytes(image("3-dress.png")));
    String event =
        new String(Bucket.resource("events/s3-batch.json"), StandardCharsets.UTF_8)
            .replace(QueueHandlerTest.DEPLOYED_BUCKET, bucket.name())
            .replace("uploads/Sneaker.png", "uploads/streamed.png");
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    batch.handleRequest(
        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), output, Bucket.context());

    JsonNode response = new ObjectMapper().readTree(output.toByteArray());
    assertThat(response.get("invocationSchemaVersion").asText()).isEqualTo("2.0");
    assertThat(response.get("invocationId").asText())
        .isEqualTo("YXNkbGZqYWRmaiBhc2RmdW9hZHNmZGpmaGFzbGtkaGZza2RmaAo");
    assertThat(response.get("treatMissingKeysAs").asText()).isEqualTo("PermanentFailure");
    JsonNode streamed = response.get("results").get(1);
    assertThat(streamed.get("taskId").asText()).isEqualTo("dGFza2lkZ29lc2hlcmUL");
    assertThat(streamed.get("resultCode").asText()).isEqualTo("Succeeded");
    assertThat(streamed.get("resultString").asText()).startsWith("CLASSIFIED Dress");
  }

  @Test
  void otherModelResultReplaced() {
    String key = "uploads/old model boot.png";
    events.handleRequest(bucket.putAndNotify(key, image("9-ankle-boot.png")), Bucket.context());
    ObjectNode before = bucket.item(key).orElseThrow();
    String order = before.get(ResultsTable.ORDER_ATTRIBUTE).asText();
    setModelVersion(key, "20240101T0000Z");

    Result result = single(task(key));

    assertThat(result.getResultCode()).isEqualTo(ResultCode.Succeeded);
    assertThat(result.getResultString()).startsWith("CLASSIFIED Ankle boot");
    ObjectNode after = bucket.item(key).orElseThrow();
    assertThat(after.get("model").get("version").asText())
        .isEqualTo(before.get("model").get("version").asText());
    assertThat(after.get(ResultsTable.ORDER_ATTRIBUTE).asText()).isEqualTo(order);
    assertThat(after.get("requestId").asText()).isNotEqualTo(before.get("requestId").asText());
    assertThat(bucket.resultObject(key).orElseThrow().get("requestId").asText())
        .isEqualTo(after.get("requestId").asText());
    assertThat(bucket.itemsWithKey(key)).isEqualTo(1);
  }

  @Test
  void permanentFailureReported() {
    String key = "uploads/batch notes.txt";
    bucket
        .aws()
        .s3()
        .putObject(
            b -> b.bucket(bucket.name()).key(key),
            RequestBody.fromString("not an image", StandardCharsets.UTF_8));

    Result result = single(task(key));

    assertThat(result.getResultCode()).isEqualTo(ResultCode.PermanentFailure);
    assertThat(result.getResultString()).startsWith("FAILED NOT_AN_IMAGE");
    assertThat(bucket.item(key).orElseThrow().get("status").asText()).isEqualTo("FAILED");
  }

  @Test
  void missingObjectAndMalformedTask() {
    Task gone = task("uploads/never uploaded.png");
    Task noKey = new Task("no-key", null, null, bucket.name());

    List<Result> results = batch.handle(event("2.0", gone, noKey), Bucket.context()).getResults();

    assertThat(results)
        .extracting(Result::getResultCode)
        .containsExactly(ResultCode.PermanentFailure, ResultCode.PermanentFailure);
    assertThat(results.get(0).getResultString()).startsWith("FAILED OBJECT_NOT_FOUND");
    assertThat(results.get(1).getResultString()).contains("no s3Bucket or s3Key");
  }

  @Test
  void schemaOneRejected() {
    S3BatchResponse response =
        batch.handle(event("1.0", task("uploads/any.png")), Bucket.context());

    assertThat(response.getResults().getFirst().getResultCode())
        .isEqualTo(ResultCode.PermanentFailure);
    assertThat(response.getResults().getFirst().getResultString()).contains("schema 2.0");
  }

  private static S3BatchEventV2 sampleEvent() {
    S3BatchEventV2 event = EventLoader.loadS3BatchEventV2("events/s3-batch.json");
    event.getTasks().forEach(task -> task.setS3Bucket(bucket.name()));
    return event;
  }

  private static Result single(Task task) {
    return batch.handle(event("2.0", task), Bucket.context()).getResults().getFirst();
  }

  private static Task task(String key) {
    return new Task("task-" + key.hashCode(), S3Notifications.encodeKey(key), null, bucket.name());
  }

  private static S3BatchEventV2 event(String schema, Task... tasks) {
    return new S3BatchEventV2(
        schema, "invocation-1", new S3BatchEventV2.Job("job-1", Map.of()), List.of(tasks));
  }

  /** Changes the stored item's model version, as if an older model had classified the object. */
  private static void setModelVersion(String key, String version) {
    bucket
        .aws()
        .dynamoDb()
        .updateItem(
            b ->
                b.tableName(bucket.name())
                    .key(Map.of(ResultsTable.KEY_ATTRIBUTE, AttributeValue.fromS(key)))
                    .updateExpression("SET #model.#version = :version")
                    .expressionAttributeNames(Map.of("#model", "model", "#version", "version"))
                    .expressionAttributeValues(Map.of(":version", AttributeValue.fromS(version))));
  }

  private static byte[] image(String file) {
    return Bucket.resource("fashion-mnist/" + file);
  }
}
