package org.imageclassifier.benchmarks;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.imageclassifier.emulators.LocalLambdaContext;
import org.imageclassifier.function.ClassifyHandler;
import org.imageclassifier.function.ClassifyResponse;
import org.imageclassifier.function.RecordOutcome;

/**
 * One cold start as a whole process, as the Lambda runtime runs it: creates {@link ClassifyHandler}
 * with its no-argument constructor (the init phase, which reads the environment) and invokes it
 * once with the S3 event of an uploaded object. S3 and DynamoDB are the real protocol servers of
 * {@link LocalServersMain}. Prints to standard error the time from process start to {@code main},
 * the init time and the first invocation's time, and exits non-zero when the object was not
 * classified and stored.
 *
 * <p>Usage: {@code ColdStartMain KEY}. Each run sends a newer sequencer than the last, so the
 * result of the previous run is replaced, never skipped as a duplicate.
 */
public final class ColdStartMain {

  /** Sequencers of this process, above those of earlier runs: microseconds since the epoch. */
  private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() * 1000);

  private ColdStartMain() {}

  /** Runs the init phase and one invocation; see the class description. */
  public static void main(String[] args) {
    long main = System.currentTimeMillis();
    long jvmStart = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
    ClassifyHandler handler = new ClassifyHandler();
    long initialised = System.currentTimeMillis();
    var context = new LocalLambdaContext("classify", 1024, Duration.ofSeconds(60));
    ClassifyResponse response = handler.handleRequest(event(args[0]), context);
    long invoked = System.currentTimeMillis();
    RecordOutcome outcome = response.records().getFirst();
    System.err.printf(
        "process start to main %d ms, init %d ms, first invocation %d ms: %s %s%n",
        main - jvmStart,
        initialised - main,
        invoked - initialised,
        outcome.disposition(),
        outcome.result().status());
    if (outcome.disposition() != RecordOutcome.Disposition.STORED) {
      System.exit(1);
    }
  }

  static S3Event event(String key) {
    String sequencer = "%016X".formatted(SEQUENCE.incrementAndGet());

    var bucket = new S3EventNotification.S3BucketEntity(LocalServersMain.BUCKET, null, null);
    var object = new S3EventNotification.S3ObjectEntity(key, 1L, "etag", null, sequencer);
    var entity = new S3EventNotification.S3Entity("config", bucket, object, "1.0");
    var record =
        new S3EventNotificationRecord(
            "us-east-1",
            "ObjectCreated:Put",
            "aws:s3",
            "2026-12-04T00:00:00.000Z",
            "2.1",
            null,
            null,
            entity,
            null);
    return new S3Event(List.of(record));
  }
}
