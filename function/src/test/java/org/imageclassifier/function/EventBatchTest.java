package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.imageclassifier.emulators.S3Notifications;
import org.imageclassifier.function.ClassificationResult.Status;
import org.imageclassifier.function.RecordOutcome.Disposition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The records of one event classified as one batch, through the handler and real servers. */
@ExtendWith(LocalServers.class)
class EventBatchTest {

  private static Bucket bucket;
  private static ClassifyHandler handler;

  @BeforeAll
  static void createHandler(AwsEndpoints aws) {
    bucket = Bucket.create(aws, "event-batch");
    handler = new ClassifyHandler(bucket.config());
  }

  @AfterAll
  static void closeHandler() {
    handler.close();
  }

  @Test
  void mixedRecordsKeepOrderAndOutcomes() {
    byte[] png = Bucket.resource("fashion-mnist/9-ankle-boot.png");
    byte[] jpeg = SnapStartPriming.images().get(0);
    S3Event event =
        combine(
            bucket.putAndNotify("uploads/boot.png", png),
            bucket.putAndNotify(
                "uploads/notes.txt", "not an image".getBytes(StandardCharsets.UTF_8)),
            S3Notifications.objectCreated(bucket.name(), "uploads/gone.png", 1, "00", null, "01"),
            bucket.putAndNotify("uploads/photo.jpg", jpeg));

    List<RecordOutcome> outcomes = handler.handleRequest(event, Bucket.context()).records();

    assertThat(outcomes)
        .extracting(RecordOutcome::key)
        .containsExactly(
            "uploads/boot.png", "uploads/notes.txt", "uploads/gone.png", "uploads/photo.jpg");
    assertThat(outcomes).extracting(RecordOutcome::disposition).containsOnly(Disposition.STORED);
    assertThat(outcomes)
        .extracting(outcome -> outcome.result().status())
        .containsExactly(Status.CLASSIFIED, Status.FAILED, Status.FAILED, Status.CLASSIFIED);
    assertThat(outcomes.get(1).result().error().code()).isEqualTo("NOT_AN_IMAGE");
    assertThat(outcomes.get(2).result().error().code()).isEqualTo("OBJECT_NOT_FOUND");
    assertThat(bucket.itemCount()).isEqualTo(4);
  }

  @Test
  void batchGivesSameLabelsAsSingleImages() throws Exception {
    List<byte[]> images =
        List.of(
            Bucket.resource("fashion-mnist/1-trouser.png"),
            Bucket.resource("fashion-mnist/7-sneaker.png"),
            SnapStartPriming.images().get(0));
    List<S3Event> events = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      events.add(bucket.putAndNotify("uploads/same-" + i + ".png", images.get(i)));
    }

    List<RecordOutcome> outcomes =
        handler.handleRequest(combine(events.toArray(S3Event[]::new)), Bucket.context()).records();

    ClassifyService service = ClassifyService.create(bucket.config());
    try {
      for (int i = 0; i < images.size(); i++) {
        ClassificationResult alone = service.classify(images.get(i), "alone");
        ClassificationResult batched = outcomes.get(i).result();
        assertThat(batched.label()).isEqualTo(alone.label());
        assertThat(batched.confidence()).isCloseTo(alone.confidence(), within(1e-5));
      }
    } finally {
      service.close();
    }
  }

  private static S3Event combine(S3Event... events) {
    List<S3EventNotificationRecord> records = new ArrayList<>();
    for (S3Event event : events) {
      records.addAll(event.getRecords());
    }
    return new S3Event(records);
  }
}
