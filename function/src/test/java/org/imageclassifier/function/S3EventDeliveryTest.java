package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.imageclassifier.emulators.LocalLambdaContext;
import org.imageclassifier.function.ClassificationResult.Status;
import org.imageclassifier.function.RecordOutcome.Disposition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The quirks of S3 event delivery: URL-encoded keys, the test event, result keys, objects deleted
 * before the event, malformed records and repeated delivery. Events under {@code s3-events/} are
 * read with the Lambda runtime's serializer.
 */
@ExtendWith(LocalServers.class)
class S3EventDeliveryTest {

  private static Bucket bucket;
  private static ClassifyHandler handler;

  @BeforeAll
  static void createHandler(AwsEndpoints aws) {
    bucket = Bucket.create(aws, "delivery-uploads");
    handler = new ClassifyHandler(bucket.config());
  }

  @AfterAll
  static void closeHandler() {
    handler.close();
  }

  @Test
  void testEventWritesNothing() {
    S3Event event = EventLoader.loadS3Event("s3-events/s3-test-event.json");
    int items = bucket.itemCount();
    int objects = bucket.resultObjectCount();

    ClassifyResponse response = handler.handleRequest(event, Bucket.context());

    assertThat(event.getRecords()).isNullOrEmpty();
    assertThat(response.records()).isEmpty();
    assertThat(bucket.itemCount()).isEqualTo(items);
    assertThat(bucket.resultObjectCount()).isEqualTo(objects);
  }

  @Test
  void encodedKeysAreDecoded() throws IOException {
    byte[] image = Bucket.resource("fashion-mnist/9-ankle-boot.png");
    for (String key : List.of("uploads/this im + age.jpg", "uploads/café.jpg")) {
      bucket
          .aws()
          .s3()
          .putObject(b -> b.bucket(bucket.name()).key(key), RequestBody.fromBytes(image));
    }
    S3Event event = EventLoader.loadS3Event("s3-events/s3-put-encoded-keys.json");

    List<RecordOutcome> outcomes = handler.handleRequest(event, Bucket.context()).records();

    assertThat(outcomes)
        .extracting(RecordOutcome::key)
        .containsExactly("uploads/this im + age.jpg", "uploads/café.jpg");
    assertThat(outcomes).extracting(RecordOutcome::disposition).containsOnly(Disposition.STORED);
    assertThat(outcomes.getFirst().result().label()).isEqualTo("Ankle boot");
    assertThat(outcomes.get(1).result().image().format()).isEqualTo("PNG");
    assertThat(bucket.resultObject("uploads/this im + age.jpg")).isPresent();
    assertThat(
            bucket.resultObject("uploads/café.jpg").orElseThrow().get("source").get("key").asText())
        .isEqualTo("uploads/café.jpg");
  }

  @Test
  void resultKeyIsSkipped() {
    String key = "results/uploads/earlier.png.json";
    S3Event event = bucket.putAndNotify(key, "{}".getBytes(StandardCharsets.UTF_8));

    RecordOutcome outcome = single(handler.handleRequest(event, Bucket.context()));

    assertThat(outcome.disposition()).isEqualTo(Disposition.SKIPPED);
    assertThat(bucket.item(key)).isEmpty();
    assertThat(bucket.resultObject(key)).isEmpty();
  }

  @Test
  void deletedObjectIsNotFound() throws IOException {
    String key = "uploads/deleted before delivery.png";
    S3Event event = bucket.putAndNotify(key, Bucket.resource("fashion-mnist/8-bag.png"));
    bucket.aws().s3().deleteObject(b -> b.bucket(bucket.name()).key(key));

    RecordOutcome first = single(handler.handleRequest(event, Bucket.context()));
    RecordOutcome again = single(handler.handleRequest(event, Bucket.context()));

    assertThat(first.disposition()).isEqualTo(Disposition.STORED);
    assertThat(first.result().status()).isEqualTo(Status.FAILED);
    assertThat(first.result().error().code()).isEqualTo("OBJECT_NOT_FOUND");
    assertThat(again.disposition()).isEqualTo(Disposition.DUPLICATE);
    assertThat(bucket.item(key).orElseThrow().get("error").get("code").asText())
        .isEqualTo("OBJECT_NOT_FOUND");
  }

  @Test
  void sameRecordThreeTimesStoresOnce() throws IOException {
    String key = "uploads/delivered three times.png";
    S3Event event = bucket.putAndNotify(key, Bucket.resource("fashion-mnist/7-sneaker.png"));
    LocalLambdaContext first = Bucket.context();

    List<Disposition> dispositions = new ArrayList<>();
    dispositions.add(single(handler.handleRequest(event, first)).disposition());
    dispositions.add(single(handler.handleRequest(event, Bucket.context())).disposition());
    dispositions.add(single(handler.handleRequest(event, Bucket.context())).disposition());

    assertThat(dispositions)
        .containsExactly(Disposition.STORED, Disposition.DUPLICATE, Disposition.DUPLICATE);
    assertThat(bucket.itemsWithKey(key)).isEqualTo(1);
    assertThat(resultObjectsWithKey(key)).isEqualTo(1);
    assertThat(bucket.item(key).orElseThrow().get("requestId").asText())
        .isEqualTo(first.getAwsRequestId());
    List<ClassificationResult> copies = bucket.storedCopies(key);
    assertThat(copies.getFirst()).isEqualTo(copies.get(1));
  }

  @Test
  void malformedRecordIsSkipped() throws IOException {
    String key = "uploads/next to a malformed record.png";
    S3Event good = bucket.putAndNotify(key, Bucket.resource("fashion-mnist/1-trouser.png"));
    S3Event bad = EventLoader.loadS3Event("s3-events/s3-put-malformed-key.json");
    List<S3EventNotificationRecord> records = new ArrayList<>(bad.getRecords());
    records.addAll(good.getRecords());

    List<RecordOutcome> outcomes =
        handler.handleRequest(new S3Event(records), Bucket.context()).records();

    assertThat(outcomes)
        .extracting(RecordOutcome::disposition)
        .containsExactly(Disposition.SKIPPED, Disposition.STORED);
    assertThat(outcomes.getFirst().key()).isEqualTo("uploads/%zz.png");
    assertThat(bucket.item(key)).isPresent();
  }

  private static RecordOutcome single(ClassifyResponse response) {
    assertThat(response.records()).hasSize(1);
    return response.records().getFirst();
  }

  private static int resultObjectsWithKey(String key) {
    String resultKey = bucket.config().resultKey(key);
    return bucket
        .aws()
        .s3()
        .listObjectsV2(b -> b.bucket(bucket.name()).prefix(resultKey))
        .keyCount();
  }
}
