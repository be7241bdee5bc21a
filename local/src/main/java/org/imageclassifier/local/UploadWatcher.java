package org.imageclassifier.local;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.imageclassifier.emulators.LocalLambdaContext;
import org.imageclassifier.emulators.S3Notifications;
import org.imageclassifier.function.ClassifyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Sends the S3 event of each new object under the uploads prefix to the classify handler, in place
 * of the bucket notification that S3Proxy does not send. It lists the prefix at a fixed interval;
 * an object counts as new when its key, ETag or modification time is new.
 *
 * <p>A failed delivery is tried again at the next listing, three times in all, as Lambda retries a
 * failed asynchronous invocation twice.
 */
final class UploadWatcher implements AutoCloseable {

  /** Deliveries of one object, the first and two retries. */
  static final int MAX_ATTEMPTS = 3;

  private static final Logger LOG = LoggerFactory.getLogger(UploadWatcher.class);
  private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(60);
  private static final int FUNCTION_MEMORY_MB = 1024;

  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final ClassifyHandler handler;
  private final Map<String, String> delivered = new HashMap<>();
  private final Map<String, Integer> failures = new HashMap<>();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> Thread.ofPlatform().name("upload-watcher").daemon().unstarted(runnable));

  UploadWatcher(S3Client s3, String bucket, String prefix, ClassifyHandler handler) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix;
    this.handler = handler;
  }

  /** Starts listing the prefix every {@code interval}. */
  void start(Duration interval) {
    scheduler.scheduleWithFixedDelay(
        this::pollQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Lists the prefix once and delivers the event of every new object.
   *
   * @return how many events the handler processed without failing
   */
  synchronized int poll() {
    int count = 0;
    for (S3Object object :
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
      String version = object.eTag() + "@" + object.lastModified();
      if (!version.equals(delivered.get(object.key())) && deliver(object, version)) {
        count++;
      }
    }
    return count;
  }

  private boolean deliver(S3Object object, String version) {
    S3Event event =
        S3Notifications.objectCreated(
            bucket,
            object.key(),
            object.size(),
            S3Notifications.unquoteETag(object.eTag()),
            null,
            S3Notifications.nextSequencer());
    try {
      handler.handleRequest(event, context());
      delivered.put(object.key(), version);
      failures.remove(object.key());
      LOG.atInfo().addKeyValue("objectKey", object.key()).log("Delivered the S3 event");
      return true;
    } catch (RuntimeException e) {
      recordFailure(object.key(), version, e);
      return false;
    }
  }

  private void recordFailure(String key, String version, RuntimeException e) {
    int attempts = failures.merge(key, 1, Integer::sum);
    if (attempts >= MAX_ATTEMPTS) {
      delivered.put(key, version);
      failures.remove(key);
      LOG.atError()
          .addKeyValue("objectKey", key)
          .setCause(e)
          .log("S3 event failed {} times; dropped", attempts);
    } else {
      LOG.atWarn()
          .addKeyValue("objectKey", key)
          .setCause(e)
          .log("S3 event failed; retrying at the next listing");
    }
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (RuntimeException e) {
      LOG.atWarn().addKeyValue("bucket", bucket).setCause(e).log("Listing the uploads failed");
    }
  }

  private static LocalLambdaContext context() {
    return new LocalLambdaContext("image-classifier", FUNCTION_MEMORY_MB, FUNCTION_TIMEOUT);
  }

  /** Stops listing and waits for a running delivery to finish. */
  @Override
  public void close() {
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(FUNCTION_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        scheduler.shutdownNow();
      }
    } catch (InterruptedException e) {
      scheduler.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
