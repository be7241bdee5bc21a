package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.imageclassifier.emulators.LocalLambdaContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The log lines and embedded metric format documents that the classify handler writes, captured,
 * parsed and checked field by field.
 */
@ExtendWith(LocalServers.class)
class TelemetryTest {

  private static int buckets;

  private final List<String> documents = Collections.synchronizedList(new ArrayList<>());
  private Bucket bucket;
  private ClassifyHandler handler;
  private LogCapture logs;

  @BeforeEach
  void createHandler(AwsEndpoints aws) {
    bucket = Bucket.create(aws, "telemetry-" + buckets++);
    RecordTelemetry telemetry =
        new RecordTelemetry("ImageClassifier", "test-stack", "classify-fn", documents::add);
    handler = new ClassifyHandler(bucket.config(), ServingOptions.bundled(telemetry));
    logs = LogCapture.start();
  }

  @AfterEach
  void closeHandler() {
    logs.close();
    handler.close();
  }

  @Test
  void coldStartOnlyOnFirstInvocation() {
    byte[] image = Bucket.resource("fashion-mnist/7-sneaker.png");
    invoke(bucket.putAndNotify("uploads/first.png", image));
    invoke(bucket.putAndNotify("uploads/second.png", image));

    List<JsonNode> coldStarts = documentsWith("ColdStart");
    assertThat(coldStarts).hasSize(1);
    JsonNode coldStart = coldStarts.getFirst();
    assertThat(coldStart.get("ColdStart").asDouble()).isEqualTo(1.0);
    assertThat(coldStart.get("InitDuration").asDouble()).isPositive();
    assertThat(coldStart.get("FunctionName").asText()).isEqualTo("classify-fn");
    assertThat(dimensionSets(coldStart)).contains("[\"Service\",\"FunctionName\"]");
    List<JsonNode> stored = logs.withMessage("Stored result");
    assertThat(stored)
        .extracting(line -> line.get("cold_start").asBoolean())
        .containsExactly(true, false);
  }

  @Test
  void classifiedRecordMetricsAndLog() {
    String key = "uploads/metered boot.png";
    LocalLambdaContext context = Bucket.context();
    RecordOutcome outcome =
        invoke(
            bucket.putAndNotify(key, Bucket.resource("fashion-mnist/9-ankle-boot.png")), context);

    JsonNode record = recordDocument(key);
    ClassificationResult result = outcome.result();
    assertThat(record.get("_aws").get("CloudWatchMetrics").get(0).get("Namespace").asText())
        .isEqualTo("ImageClassifier");
    assertThat(record.get("Service").asText()).isEqualTo("test-stack");
    assertThat(record.get("Outcome").asText()).isEqualTo("CLASSIFIED");
    assertThat(record.get("ModelVersion").asText()).isEqualTo(result.model().version());
    assertThat(record.get("Images").asDouble()).isEqualTo(1.0);
    assertThat(record.get("Label").asText()).isEqualTo("Ankle boot");
    assertThat(record.get("Predictions").asDouble()).isEqualTo(1.0);
    assertThat(record.get("TopConfidence").asDouble()).isEqualTo(result.confidence());
    assertThat(record.get("function_request_id").asText()).isEqualTo(context.getAwsRequestId());
    for (String stage :
        List.of("Download", "Decode", "Preprocess", "Inference", "Write", "Record")) {
      assertThat(record.get(stage + "Latency").asDouble()).as(stage).isGreaterThanOrEqualTo(0.0);
    }
    assertThat(record.get("InferenceLatency").asDouble()).isEqualTo(result.timingsMs().inference());
    assertThat(record.has("ErrorCode")).isFalse();
    assertThat(dimensionSetsOf(record, "Images"))
        .containsExactly(
            "[\"Service\"]",
            "[\"Service\",\"Outcome\"]",
            "[\"Service\",\"ModelVersion\",\"Outcome\"]",
            "[\"Service\",\"ModelVersion\"]");
    assertThat(dimensionSets(record))
        .contains(
            "[\"Service\",\"Outcome\"]",
            "[\"Service\",\"ModelVersion\",\"Outcome\"]",
            "[\"Service\",\"ModelVersion\"]",
            "[\"Service\",\"ModelVersion\",\"Label\"]",
            "[\"Service\"]");

    JsonNode line = logs.withMessage("Stored result").getFirst();
    assertThat(line.get("function_request_id").asText()).isEqualTo(context.getAwsRequestId());
    assertThat(line.get("objectKey").asText()).isEqualTo(key);
    assertThat(line.get("outcome").asText()).isEqualTo("CLASSIFIED");
    assertThat(line.get("status").asText()).isEqualTo("CLASSIFIED");
    assertThat(line.get("label").asText()).isEqualTo("Ankle boot");
    assertThat(line.get("modelName").asText()).isEqualTo(result.model().name());
    assertThat(line.get("modelVersion").asText()).isEqualTo(result.model().version());
    assertThat(line.get("function_arn").asText()).isEqualTo(context.getInvokedFunctionArn());
    assertThat(line.get("writeMs").isNumber()).isTrue();
  }

  @Test
  void failedRecordCountsErrorCode() {
    String key = "uploads/metered notes.txt";
    invoke(bucket.putAndNotify(key, "not an image".getBytes(StandardCharsets.UTF_8)));

    JsonNode record = recordDocument(key);
    assertThat(record.get("Outcome").asText()).isEqualTo("FAILED");
    assertThat(record.get("ErrorCode").asText()).isEqualTo("NOT_AN_IMAGE");
    assertThat(record.get("Errors").asDouble()).isEqualTo(1.0);
    assertThat(record.has("Predictions")).isFalse();
    assertThat(record.has("TopConfidence")).isFalse();
    assertThat(dimensionSets(record)).contains("[\"Service\",\"ErrorCode\"]");
    JsonNode line = logs.withMessage("Stored result").getFirst();
    assertThat(line.get("errorCode").asText()).isEqualTo("NOT_AN_IMAGE");
    assertThat(line.get("outcome").asText()).isEqualTo("FAILED");
  }

  @Test
  void redeliveryCountedAsDuplicate() {
    String key = "uploads/metered twice.png";
    S3Event event = bucket.putAndNotify(key, Bucket.resource("fashion-mnist/1-trouser.png"));
    invoke(event);
    documents.clear();

    invoke(event);

    JsonNode record = recordDocument(key);
    assertThat(record.get("Outcome").asText()).isEqualTo("DUPLICATE");
    assertThat(record.get("Images").asDouble()).isEqualTo(1.0);
    assertThat(record.has("DownloadLatency")).isFalse();
  }

  @Test
  void logsCarryNoImageBytesOrUrls() {
    byte[] image = Bucket.resource("fashion-mnist/2-pullover.png");
    invoke(bucket.putAndNotify("uploads/quiet.png", image));

    String all = String.join("\n", logs.lines().stream().map(JsonNode::toString).toList());
    assertThat(all).doesNotContain("X-Amz-Signature").doesNotContain("http://");
    assertThat(all).doesNotContain(java.util.Base64.getEncoder().encodeToString(image));
  }

  private RecordOutcome invoke(S3Event event) {
    return invoke(event, Bucket.context());
  }

  private RecordOutcome invoke(S3Event event, LocalLambdaContext context) {
    return handler.handleRequest(event, context).records().getFirst();
  }

  private List<JsonNode> documentsWith(String member) {
    return documents.stream().map(LogCapture::parse).filter(json -> json.has(member)).toList();
  }

  private JsonNode recordDocument(String key) {
    List<JsonNode> found =
        documentsWith("Images").stream()
            .filter(json -> key.equals(json.path("objectKey").asText()))
            .toList();
    assertThat(found).as("documents of %s", key).hasSize(1);
    return found.getFirst();
  }

  private static List<String> dimensionSetsOf(JsonNode document, String metric) {
    List<String> sets = new ArrayList<>();
    for (JsonNode directive : document.get("_aws").get("CloudWatchMetrics")) {
      boolean hasMetric = false;
      for (JsonNode definition : directive.get("Metrics")) {
        hasMetric |= definition.get("Name").asText().equals(metric);
      }
      if (hasMetric) {
        directive.get("Dimensions").forEach(set -> sets.add(set.toString()));
      }
    }
    return sets;
  }

  private static List<String> dimensionSets(JsonNode document) {
    List<String> sets = new ArrayList<>();
    document
        .get("_aws")
        .get("CloudWatchMetrics")
        .forEach(directive -> directive.get("Dimensions").forEach(set -> sets.add(set.toString())));
    return sets;
  }
}
