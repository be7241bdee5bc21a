package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.imageclassifier.core.corpus.CorpusCase;
import org.imageclassifier.emulators.Fault;
import org.imageclassifier.emulators.FaultProxy;
import org.imageclassifier.emulators.LocalLambdaContext;
import org.imageclassifier.emulators.RequestHead;
import org.imageclassifier.function.RecordOutcome.Disposition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Throttling, 5xx responses and timeouts injected by {@link FaultProxy} between the function's SDK
 * clients and S3Proxy and dynalite. A transient fault is retried by the SDK; a persistent one fails
 * the invocation so that Lambda retries the event, and leaves no item without its result object.
 * The test's own clients bypass the proxies.
 */
@ExtendWith(LocalServers.class)
class TransientFaultTest {

  private static final int ATTEMPTS = 3;
  private static final SdkRetrySettings FAST_RETRIES =
      new SdkRetrySettings(
          ATTEMPTS,
          Duration.ofMillis(10),
          Duration.ofMillis(20),
          Duration.ofMillis(100),
          Duration.ofSeconds(1),
          Duration.ofSeconds(3),
          Duration.ofSeconds(1));

  private static Bucket bucket;
  private static FaultProxy s3Proxy;
  private static FaultProxy dynamoDbProxy;
  private static ClassifyHandler handler;
  private static byte[] image;

  @BeforeAll
  static void startProxies(AwsEndpoints aws) throws IOException {
    bucket = Bucket.create(aws, "fault-uploads");
    s3Proxy = FaultProxy.start(aws.config().s3Endpoint());
    dynamoDbProxy = FaultProxy.start(aws.config().dynamoDbEndpoint());
    FunctionConfig config =
        bucket
            .config()
            .withEndpoints(s3Proxy.endpoint(), dynamoDbProxy.endpoint())
            .withRetry(FAST_RETRIES);
    handler = new ClassifyHandler(config);
    image = Bucket.resource("fashion-mnist/4-coat.png");
  }

  @AfterAll
  static void stopProxies() {
    handler.close();
    s3Proxy.close();
    dynamoDbProxy.close();
  }

  @AfterEach
  void clearFaults() {
    s3Proxy.clearFaults();
    dynamoDbProxy.clearFaults();
  }

  @Test
  void s3SlowDownIsRetried() {
    String key = "uploads/slow download.png";
    Predicate<RequestHead> download = RequestHead.s3("GET", bucket.name(), key);
    s3Proxy.inject(download, 2, Fault.s3SlowDown());

    RecordOutcome outcome = single(invoke(bucket.putAndNotify(key, image)));

    assertThat(outcome.disposition()).isEqualTo(Disposition.STORED);
    assertThat(outcome.result().label()).isEqualTo("Coat");
    assertThat(s3Proxy.count(download)).isEqualTo(3);
  }

  @Test
  void dynamoDbThrottlingIsRetried() {
    String key = "uploads/throttled put.png";
    dynamoDbProxy.inject(RequestHead.dynamoDb("PutItem"), 2, Fault.dynamoDbThrottling());
    long putsBefore = dynamoDbProxy.count(RequestHead.dynamoDb("PutItem"));

    RecordOutcome outcome = single(invoke(bucket.putAndNotify(key, image)));

    assertThat(outcome.disposition()).isEqualTo(Disposition.STORED);
    assertThat(dynamoDbProxy.count(RequestHead.dynamoDb("PutItem")) - putsBefore).isEqualTo(3);
    assertThat(bucket.item(key)).isPresent();
  }

  @Test
  void persistentThrottlingFailsInvocation() {
    String key = "uploads/throttled read.png";
    S3Event event = bucket.putAndNotify(key, image);
    dynamoDbProxy.inject(
        RequestHead.dynamoDb("GetItem"), Integer.MAX_VALUE, Fault.provisionedThroughputExceeded());
    long readsBefore = dynamoDbProxy.count(RequestHead.dynamoDb("GetItem"));

    assertThatThrownBy(() -> invoke(event)).isInstanceOf(RetryableFailureException.class);

    assertThat(dynamoDbProxy.count(RequestHead.dynamoDb("GetItem")) - readsBefore)
        .isEqualTo(ATTEMPTS);
    assertThat(bucket.item(key)).isEmpty();
    assertThat(bucket.resultObject(key)).isEmpty();
    dynamoDbProxy.clearFaults();
    assertThat(single(invoke(event)).disposition()).isEqualTo(Disposition.STORED);
  }

  @Test
  void failedResultObjectLeavesNoItem() {
    String key = "uploads/result object fails.png";
    S3Event event = bucket.putAndNotify(key, image);
    s3Proxy.inject(
        RequestHead.s3("PUT", bucket.name(), "results/" + key),
        Integer.MAX_VALUE,
        Fault.s3InternalError());

    assertThatThrownBy(() -> invoke(event)).isInstanceOf(RetryableFailureException.class);

    assertThat(bucket.resultObject(key)).isEmpty();
    assertThat(bucket.item(key)).isEmpty();
    s3Proxy.clearFaults();
    assertThat(single(invoke(event)).disposition()).isEqualTo(Disposition.STORED);
    assertThat(bucket.item(key)).isPresent();
  }

  @Test
  void failedItemIsRedoneOnRetry() {
    String key = "uploads/item fails.png";
    S3Event event = bucket.putAndNotify(key, image);
    dynamoDbProxy.inject(
        RequestHead.dynamoDb("PutItem"), Integer.MAX_VALUE, Fault.dynamoDbInternalError());

    assertThatThrownBy(() -> invoke(event)).isInstanceOf(RetryableFailureException.class);

    assertThat(bucket.item(key)).isEmpty();
    dynamoDbProxy.clearFaults();
    RecordOutcome retried = single(invoke(event));
    assertThat(retried.disposition()).isEqualTo(Disposition.STORED);
    List<ClassificationResult> copies = bucket.storedCopies(key);
    assertThat(copies.getFirst()).isEqualTo(copies.get(1));
    assertThat(copies.getFirst().requestId()).isEqualTo(retried.result().requestId());
  }

  @Test
  void timedOutAttemptIsRetried() {
    String key = "uploads/stalled download.png";
    Predicate<RequestHead> download = RequestHead.s3("GET", bucket.name(), key);
    s3Proxy.inject(download, 1, new Fault.Stall(Duration.ofSeconds(3)));

    RecordOutcome outcome = single(invoke(bucket.putAndNotify(key, image)));

    assertThat(outcome.disposition()).isEqualTo(Disposition.STORED);
    assertThat(s3Proxy.count(download)).isEqualTo(2);
  }

  @Test
  void persistentTimeoutFailsInvocation() {
    String key = "uploads/stalled upload.png";
    S3Event event = bucket.putAndNotify(key, image);
    s3Proxy.inject(
        RequestHead.s3("PUT", bucket.name(), "results/" + key),
        Integer.MAX_VALUE,
        new Fault.Stall(Duration.ofSeconds(10)));

    assertThatThrownBy(() -> invoke(event)).isInstanceOf(RetryableFailureException.class);

    assertThat(bucket.item(key)).isEmpty();
    assertThat(bucket.resultObject(key)).isEmpty();
  }

  @Test
  void slowBodyFailsInvocation() {
    String key = "uploads/slow body.tif";
    // 36 KB at 10 KB/s take 3.6 s, above the read timeout of 1 s.
    S3Event event = bucket.putAndNotify(key, corpusFile("tiff-rgb-lzw.tif"));
    s3Proxy.inject(RequestHead.s3("GET", bucket.name(), key), 1, new Fault.Throttle(10_000));

    assertThatThrownBy(() -> invoke(event))
        .isInstanceOf(RetryableFailureException.class)
        .rootCause()
        .isInstanceOf(SocketTimeoutException.class)
        .hasMessageContaining("longer than 1000 ms");

    assertThat(bucket.item(key)).isEmpty();
    assertThat(bucket.resultObject(key)).isEmpty();
    assertThat(single(invoke(event)).disposition()).isEqualTo(Disposition.STORED);
  }

  @Test
  void lateWriteIsNotStoredTwice() {
    String key = "uploads/late item write.png";
    S3Event event = bucket.putAndNotify(key, image);
    Predicate<RequestHead> put = RequestHead.dynamoDb("PutItem");
    long putsBefore = dynamoDbProxy.count(put);
    // The first attempt times out on the client but reaches dynalite later; the second never
    // arrives; the third finds the item of the first and loses the conditional put.
    dynamoDbProxy.inject(put, 1, new Fault.DelayThenForward(Duration.ofMillis(1200)));
    dynamoDbProxy.inject(put, 1, new Fault.Stall(Duration.ofSeconds(3)));
    LocalLambdaContext context = Bucket.context();

    RecordOutcome outcome = single(handler.handleRequest(event, context).records());

    assertThat(dynamoDbProxy.count(put) - putsBefore).isEqualTo(3);
    assertThat(outcome.disposition()).isEqualTo(Disposition.DUPLICATE);
    assertThat(outcome.result().requestId()).isEqualTo(context.getAwsRequestId());
    List<ClassificationResult> copies = bucket.storedCopies(key);
    assertThat(copies.getFirst()).isEqualTo(copies.get(1));
    assertThat(copies.getFirst().requestId()).isEqualTo(context.getAwsRequestId());
  }

  private static byte[] corpusFile(String file) {
    return CorpusCase.all().stream()
        .filter(c -> c.file().equals(file))
        .findFirst()
        .orElseThrow()
        .bytes();
  }

  private static List<RecordOutcome> invoke(S3Event event) {
    return handler.handleRequest(event, Bucket.context()).records();
  }

  private static RecordOutcome single(List<RecordOutcome> outcomes) {
    assertThat(outcomes).hasSize(1);
    return outcomes.getFirst();
  }
}
