package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.imageclassifier.function.JsonDocuments.assertSameDocument;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.ModelPackage;
import org.imageclassifier.emulators.LocalLambdaContext;
import org.imageclassifier.emulators.S3Notifications;
import org.imageclassifier.function.ClassificationResult.Status;
import org.imageclassifier.function.RecordOutcome.Disposition;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * The end-to-end scenario of the classify function: real objects in S3, the S3 event that S3 sends
 * for them, the handler invoked in-process, and the results read back from S3 and DynamoDB.
 * Subclasses run it against different servers.
 */
abstract class ClassifyScenario {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String[] FASHION_MNIST = {
    "0-t-shirt-top.png", "1-trouser.png", "2-pullover.png", "3-dress.png", "4-coat.png",
    "5-sandal.png", "6-shirt.png", "7-sneaker.png", "8-bag.png", "9-ankle-boot.png"
  };

  /** Returns the servers, bucket and table of this run. */
  abstract AwsEndpoints aws();

  /** Returns the handler under test, configured for {@link #aws()}. */
  abstract ClassifyHandler handler();

  @Test
  void fashionMnistImagesMostlyRight() throws Exception {
    ModelContract contract = bundledContract();
    int correct = 0;
    for (String file : FASHION_MNIST) {
      String key = "uploads/test set/" + file;
      byte[] bytes = resource("fashion-mnist/" + file);
      LocalLambdaContext context = context();

      RecordOutcome outcome = single(invoke(putAndNotify(key, bytes), context));

      String truth = contract.labels().get(Character.getNumericValue(file.charAt(0)));
      correct += truth.equals(outcome.result().label()) ? 1 : 0;
      assertClassified(outcome, key, bytes.length, contract, context.getAwsRequestId());
      assertStoredCopiesAgree(key);
    }
    assertThat(correct).as("correct labels out of 10").isGreaterThanOrEqualTo(9);
  }

  @Test
  void redeliveredEventLeavesOneItem() throws Exception {
    String key = "uploads/redelivered boot.png";
    S3Event event = putAndNotify(key, resource("fashion-mnist/9-ankle-boot.png"));
    LocalLambdaContext first = context();

    RecordOutcome stored = single(invoke(event, first));
    JsonNode resultBefore = resultObject(key);
    RecordOutcome redelivered = single(invoke(event, context()));

    assertThat(stored.disposition()).isEqualTo(Disposition.STORED);
    assertThat(redelivered.disposition()).isEqualTo(Disposition.DUPLICATE);
    assertThat(redelivered.result().requestId()).isEqualTo(first.getAwsRequestId());
    assertThat(itemsWithKey(key)).isEqualTo(1);
    assertThat(item(key).get("requestId").asText()).isEqualTo(first.getAwsRequestId());
    assertThat(resultObject(key)).isEqualTo(resultBefore);
  }

  @Test
  void nonImageRecordedAsFailed() throws Exception {
    String key = "uploads/not an image.txt";
    byte[] text = "Packing list\n- 2 shirts\n".getBytes(StandardCharsets.UTF_8);

    RecordOutcome outcome = single(invoke(putAndNotify(key, text), context()));

    assertThat(outcome.disposition()).isEqualTo(Disposition.STORED);
    assertThat(outcome.result().status()).isEqualTo(Status.FAILED);
    assertThat(outcome.result().error().code()).isEqualTo("NOT_AN_IMAGE");
    assertThat(outcome.result().label()).isNull();
    assertThat(outcome.result().image()).isNull();
    JsonNode stored = resultObject(key);
    assertThat(stored.get("status").asText()).isEqualTo("FAILED");
    assertThat(stored.get("error").get("code").asText()).isEqualTo("NOT_AN_IMAGE");
    assertThat(stored.get("error").get("message").asText()).isNotBlank();
    assertThat(stored.has("label")).isFalse();
    assertThat(stored.get("source").get("size").asLong()).isEqualTo(text.length);
    assertStoredCopiesAgree(key);
  }

  @Test
  void resultKeysAreSkipped() throws Exception {
    String key = "results/uploads/earlier.png.json";
    S3Event event = putAndNotify(key, "{}".getBytes(StandardCharsets.UTF_8));

    RecordOutcome outcome = single(invoke(event, context()));

    assertThat(outcome.disposition()).isEqualTo(Disposition.SKIPPED);
    assertThat(outcome.result()).isNull();
    assertThat(itemsWithKey(key)).isZero();
    assertThatThrownBy(() -> resultObject(key)).isInstanceOf(NoSuchKeyException.class);
  }

  @Test
  void deletedObjectRecordedAsNotFound() throws Exception {
    String key = "uploads/deleted before the event.png";
    S3Event event = putAndNotify(key, resource("fashion-mnist/8-bag.png"));
    aws().s3().deleteObject(b -> b.bucket(aws().bucket()).key(key));

    RecordOutcome outcome = single(invoke(event, context()));

    assertThat(outcome.result().status()).isEqualTo(Status.FAILED);
    assertThat(outcome.result().error().code()).isEqualTo("OBJECT_NOT_FOUND");
    assertThat(item(key).get("error").get("code").asText()).isEqualTo("OBJECT_NOT_FOUND");
  }

  @Test
  void encodedKeyIsDecoded() throws Exception {
    String key = "uploads/this im + age.png";
    S3Event event = putAndNotify(key, resource("fashion-mnist/5-sandal.png"));

    RecordOutcome outcome = single(invoke(event, context()));

    assertThat(event.getRecords().getFirst().getS3().getObject().getKey())
        .isEqualTo("uploads/this+im+%2B+age.png");
    assertThat(outcome.key()).isEqualTo(key);
    assertThat(outcome.result().source().key()).isEqualTo(key);
    assertThat(outcome.resultUri())
        .isEqualTo("s3://" + aws().bucket() + "/results/uploads/this im + age.png.json");
    assertThat(resultObject(key).get("source").get("key").asText()).isEqualTo(key);
  }

  @Test
  void failingRecordKeepsOtherRecords() throws Exception {
    String key = "uploads/next to a failing record.png";
    S3Event good = putAndNotify(key, resource("fashion-mnist/1-trouser.png"));
    // The bucket does not exist, so storing this record's result fails.
    S3Event bad =
        S3Notifications.objectCreated(
            "bucket-that-does-not-exist", "uploads/x.png", 1, "00", null, "01");
    List<S3EventNotificationRecord> records = new ArrayList<>(bad.getRecords());
    records.addAll(good.getRecords());

    assertThatThrownBy(() -> invoke(new S3Event(records), context()))
        .isInstanceOfSatisfying(
            RetryableFailureException.class,
            e -> assertThat(e.failedKeys()).containsExactly("uploads/x.png"));
    assertThat(itemsWithKey(key)).isEqualTo(1);
  }

  @Test
  void sampleEventFileIsClassified() throws Exception {
    S3Event event = EventLoader.loadS3Event("events/s3-put.json");
    S3EventNotificationRecord record = event.getRecords().getFirst();
    String bucket = record.getS3().getBucket().getName();
    String key = ObjectEvent.decodeKey(record.getS3().getObject().getKey());
    aws().s3().createBucket(b -> b.bucket(bucket));
    byte[] bytes = resource("fashion-mnist/9-ankle-boot.png");
    aws().s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));

    RecordOutcome outcome = single(invoke(withoutVersion(event), context()));

    assertThat(outcome.disposition()).isEqualTo(Disposition.STORED);
    assertThat(outcome.result().source().eTag()).isEqualTo(record.getS3().getObject().geteTag());
    assertThat(outcome.result().source().size())
        .isEqualTo(record.getS3().getObject().getSizeAsLong());
    assertThat(outcome.result().label()).isEqualTo("Ankle boot");
  }

  private void assertClassified(
      RecordOutcome outcome, String key, long size, ModelContract contract, String requestId) {
    ClassificationResult result = outcome.result();
    assertThat(outcome.disposition()).isEqualTo(Disposition.STORED);
    assertThat(result.status()).isIn(Status.CLASSIFIED, Status.BELOW_THRESHOLD);
    assertThat(result.requestId()).isEqualTo(requestId);
    assertThat(result.confidence()).isBetween(0.0, 1.0);
    assertThat(result.topK()).hasSize(5);
    assertThat(result.topK().getFirst().label()).isEqualTo(result.label());
    assertThat(result.topK())
        .isSortedAccordingTo((a, b) -> Double.compare(b.probability(), a.probability()));
    assertThat(result.source().bucket()).isEqualTo(aws().bucket());
    assertThat(result.source().key()).isEqualTo(key);
    assertThat(result.source().size()).isEqualTo(size);
    assertThat(result.source().eTag()).matches("[0-9a-f]{32}");
    assertThat(result.image()).isEqualTo(new ClassificationResult.ImageInfo("PNG", 28, 28, 1));
    assertThat(result.model().name()).isEqualTo(contract.name());
    assertThat(result.model().version()).isEqualTo(contract.version());
    assertThat(result.model().sha256()).isEqualTo(contract.onnx().sha256());
    assertThat(result.error()).isNull();
    assertThat(result.timingsMs().download()).isNotNegative();
    assertThat(result.timingsMs().inference()).isPositive();
    assertThat(result.timingsMs().total()).isGreaterThanOrEqualTo(result.timingsMs().decode());
    assertThat(Instant.parse(result.classifiedAt())).isBefore(Instant.now().plusSeconds(1));
    assertThat(outcome.resultUri())
        .isEqualTo("s3://" + aws().bucket() + "/" + aws().config().resultKey(key));
  }

  /** Checks that the DynamoDB item contains the S3 result document plus the key and event order. */
  private void assertStoredCopiesAgree(String key) throws IOException {
    ObjectNode item = item(key);
    assertThat(item.remove(ResultsTable.KEY_ATTRIBUTE).asText()).isEqualTo(key);
    item.remove(ResultsTable.ORDER_ATTRIBUTE);
    assertSameDocument(item, resultObject(key));
  }

  private S3Event putAndNotify(String key, byte[] bytes) {
    PutObjectResponse response =
        aws().s3().putObject(b -> b.bucket(aws().bucket()).key(key), RequestBody.fromBytes(bytes));
    return S3Notifications.objectCreated(
        aws().bucket(),
        key,
        bytes.length,
        S3Notifications.unquoteETag(response.eTag()),
        response.versionId(),
        S3Notifications.nextSequencer());
  }

  private List<RecordOutcome> invoke(S3Event event, LocalLambdaContext context) {
    return handler().handleRequest(event, context).records();
  }

  private static LocalLambdaContext context() {
    return new LocalLambdaContext("classify-images", 1024, Duration.ofMinutes(1));
  }

  private static RecordOutcome single(List<RecordOutcome> outcomes) {
    assertThat(outcomes).hasSize(1);
    return outcomes.getFirst();
  }

  /** Drops the version id of the sample event, because the test bucket has no versioning. */
  private static S3Event withoutVersion(S3Event event) {
    S3EventNotificationRecord record = event.getRecords().getFirst();
    var object = record.getS3().getObject();
    return S3Notifications.objectCreated(
        record.getS3().getBucket().getName(),
        ObjectEvent.decodeKey(object.getKey()),
        object.getSizeAsLong(),
        object.geteTag(),
        null,
        object.getSequencer());
  }

  private ObjectNode item(String key) {
    Map<String, AttributeValue> item =
        aws()
            .dynamoDb()
            .getItem(
                b ->
                    b.tableName(aws().config().tableName())
                        .key(Map.of(ResultsTable.KEY_ATTRIBUTE, AttributeValue.fromS(key)))
                        .consistentRead(true))
            .item();
    return DynamoDbJson.fromItem(item);
  }

  private int itemsWithKey(String key) {
    return aws()
        .dynamoDb()
        .scan(
            b ->
                b.tableName(aws().config().tableName())
                    .filterExpression("#key = :key")
                    .expressionAttributeNames(Map.of("#key", ResultsTable.KEY_ATTRIBUTE))
                    .expressionAttributeValues(Map.of(":key", AttributeValue.fromS(key))))
        .count();
  }

  private JsonNode resultObject(String key) throws IOException {
    byte[] bytes =
        aws()
            .s3()
            .getObjectAsBytes(b -> b.bucket(aws().bucket()).key(aws().config().resultKey(key)))
            .asByteArray();
    return MAPPER.readTree(bytes);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ClassifyScenario.class.getClassLoader().getResourceAsStream(name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    }
  }

  private static ModelContract bundledContract() throws Exception {
    try {
      Path file =
          Path.of(ClassifyScenario.class.getClassLoader().getResource("model/model.json").toURI());
      return ModelPackage.readContract(file);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
