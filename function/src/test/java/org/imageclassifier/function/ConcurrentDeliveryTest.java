package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.imageclassifier.function.RecordOutcome.Disposition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many records and repeated events classified in parallel by one handler, as concurrent Lambda
 * invocations and S3's at-least-once delivery produce them: each key ends with exactly one item,
 * from its newest event, and a result object equal to it.
 */
@ExtendWith(LocalServers.class)
class ConcurrentDeliveryTest {

  private static final String[] IMAGES = {
    "0-t-shirt-top.png",
    "1-trouser.png",
    "2-pullover.png",
    "3-dress.png",
    "5-sandal.png",
    "6-shirt.png"
  };
  private static final int DELIVERIES = 3;
  private static final int THREADS = 6;

  private static Bucket bucket;
  private static ClassifyHandler handler;

  @BeforeAll
  static void createHandler(AwsEndpoints aws) {
    bucket = Bucket.create(aws, "concurrent-uploads");
    handler = new ClassifyHandler(bucket.config());
  }

  @AfterAll
  static void closeHandler() {
    handler.close();
  }

  @Test
  void parallelDeliveriesStoreOneItemPerKey() throws Exception {
    List<S3Event> events = new ArrayList<>();
    List<S3EventNotificationRecord> allRecords = new ArrayList<>();
    for (String image : IMAGES) {
      S3Event event =
          bucket.putAndNotify("uploads/" + image, Bucket.resource("fashion-mnist/" + image));
      events.addAll(Collections.nCopies(DELIVERIES, event));
      allRecords.addAll(event.getRecords());
    }
    events.add(new S3Event(allRecords));
    S3Event older =
        bucket.putAndNotify(
            "uploads/overwritten.png", Bucket.resource("fashion-mnist/7-sneaker.png"));
    S3Event newer =
        bucket.putAndNotify(
            "uploads/overwritten.png", Bucket.resource("fashion-mnist/9-ankle-boot.png"));
    events.addAll(Collections.nCopies(DELIVERIES, older));
    events.addAll(Collections.nCopies(DELIVERIES, newer));
    Collections.shuffle(events, new Random(7));

    List<RecordOutcome> outcomes = invokeInParallel(events);

    assertThat(outcomes).hasSize(IMAGES.length * (DELIVERIES + 1) + 2 * DELIVERIES);
    for (String image : IMAGES) {
      String key = "uploads/" + image;
      assertThat(bucket.itemsWithKey(key)).as(key).isEqualTo(1);
      assertThat(storedCount(outcomes, key)).as(key).isEqualTo(1);
      List<ClassificationResult> copies = bucket.storedCopies(key);
      assertThat(copies.getFirst()).as(key).isEqualTo(copies.get(1));
    }
    assertNewestWins("uploads/overwritten.png", newer);
    assertThat(bucket.itemCount()).isEqualTo(IMAGES.length + 1);
  }

  private static void assertNewestWins(String key, S3Event newest) {
    var object = newest.getRecords().getFirst().getS3().getObject();
    assertThat(bucket.itemsWithKey(key)).isEqualTo(1);
    List<ClassificationResult> copies = bucket.storedCopies(key);
    assertThat(copies.getFirst()).isEqualTo(copies.get(1));
    assertThat(copies.getFirst().source().sequencer()).isEqualTo(object.getSequencer());
    assertThat(copies.getFirst().label()).isEqualTo("Ankle boot");
  }

  private static List<RecordOutcome> invokeInParallel(List<S3Event> events) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Callable<ClassifyResponse>> calls = new ArrayList<>();
      for (S3Event event : events) {
        calls.add(() -> handler.handleRequest(event, Bucket.context()));
      }
      List<RecordOutcome> outcomes = new ArrayList<>();
      for (Future<ClassifyResponse> response : pool.invokeAll(calls, 5, TimeUnit.MINUTES)) {
        outcomes.addAll(response.get().records());
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long storedCount(List<RecordOutcome> outcomes, String key) {
    return outcomes.stream()
        .filter(o -> o.key().equals(key) && o.disposition() == Disposition.STORED)
        .count();
  }
}
