package org.imageclassifier.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.util.ArrayList;
import java.util.List;
import org.imageclassifier.core.model.ModelLoadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point for S3 {@code ObjectCreated} events: classifies each uploaded image and stores
 * the result in S3 and DynamoDB.
 *
 * <p>The records of one event are classified as one batch: each object is downloaded and decoded on
 * its own, then one inference call covers all of them. A failure of one record does not stop the
 * others. When some records fail for a transient reason, the handler throws {@link
 * RetryableFailureException} after the rest are done, and Lambda retries the event.
 */
public final class ClassifyHandler
    implements RequestHandler<S3Event, ClassifyResponse>, AutoCloseable {

  /** MDC key of the Lambda request id in every log line. */
  public static final String REQUEST_ID_KEY = LambdaLogContext.REQUEST_ID;

  private static final Logger LOG = LoggerFactory.getLogger(ClassifyHandler.class);

  private final ClassifyService service;

  /** Kept referenced because the CRaC context holds its resources weakly. */
  private final SnapStartPriming priming;

  /**
   * Creates the handler from environment variables, once per execution environment; called by the
   * Lambda runtime.
   *
   * @throws IllegalStateException when the configuration or the bundled model is invalid, which
   *     fails the init phase
   */
  public ClassifyHandler() {
    this(FunctionConfig.fromEnvironment(System.getenv()));
  }

  /**
   * Creates the handler with the given configuration and the serving options of the environment
   * variables (the model, its threshold, the metrics namespace), and registers the SnapStart
   * priming hook ({@link SnapStartPriming}).
   *
   * @throws IllegalStateException when the model is missing or invalid
   */
  public ClassifyHandler(FunctionConfig config) {
    this(config, ServingOptions.fromEnvironment(System.getenv()));
  }

  /**
   * Creates the handler with the given configuration and serving options.
   *
   * @throws IllegalStateException when the model is missing or invalid
   */
  public ClassifyHandler(FunctionConfig config, ServingOptions options) {
    this.service = createService(config, options);
    this.priming = SnapStartPriming.register(service);
  }

  /**
   * Creates the service of a handler.
   *
   * @throws IllegalStateException when the model is missing or invalid, which fails the init phase
   */
  static ClassifyService createService(FunctionConfig config, ServingOptions options) {
    try {
      return ClassifyService.create(config, options);
    } catch (ModelLoadException e) {
      throw new IllegalStateException("Cannot load the model: " + e.getMessage(), e);
    }
  }

  /**
   * Classifies the object of every record of an S3 event. An event without records, such as the
   * {@code s3:TestEvent} that S3 sends when a notification is configured, is acknowledged and
   * writes nothing. A malformed record is logged and skipped, because a retry would fail the same
   * way.
   *
   * @throws RetryableFailureException when some records failed transiently, after all records
   */
  @Override
  public ClassifyResponse handleRequest(S3Event event, Context context) {
    try (LambdaLogContext log = LambdaLogContext.begin(context, service)) {
      List<S3EventNotificationRecord> records = event == null ? null : event.getRecords();
      if (records == null || records.isEmpty()) {
        LOG.info("Event without records, such as an s3:TestEvent; nothing to classify");
        return new ClassifyResponse(List.of());
      }
      return handle(records, context.getAwsRequestId());
    }
  }

  /**
   * Reads the records, then classifies every well-formed one as one batch: one inference call for
   * all of their images.
   */
  private ClassifyResponse handle(List<S3EventNotificationRecord> records, String requestId) {
    RecordOutcome[] outcomes = new RecordOutcome[records.size()];
    List<ObjectEvent> events = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    List<String> failedKeys = new ArrayList<>();
    List<Exception> failures = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      S3EventNotificationRecord record = records.get(i);
      try {
        events.add(ObjectEvent.from(record));
        positions.add(i);
      } catch (IllegalArgumentException e) {
        outcomes[i] = malformed(record, e);
      } catch (RuntimeException e) {
        logFailure(keyOf(record), e);
        failedKeys.add(keyOf(record));
        failures.add(e);
      }
    }
    List<ClassifyService.RecordResult> results = service.processAll(events, requestId);
    for (int i = 0; i < results.size(); i++) {
      ClassifyService.RecordResult result = results.get(i);
      if (result.failure() == null) {
        outcomes[positions.get(i)] = result.outcome();
      } else {
        logFailure(events.get(i).key(), result.failure());
        failedKeys.add(events.get(i).key());
        failures.add(result.failure());
      }
    }
    if (!failures.isEmpty()) {
      throw new RetryableFailureException(failedKeys, failures);
    }
    return new ClassifyResponse(List.of(outcomes));
  }

  private static void logFailure(String key, Exception failure) {
    LOG.atError()
        .addKeyValue("objectKey", key)
        .setCause(failure)
        .log("Record failed; the event will be retried");
  }

  /** Returns the decoded key of a record, or the key as sent when it is not valid URL encoding. */
  private static String keyOf(S3EventNotificationRecord record) {
    String encodedKey = ObjectEvent.rawKey(record);
    try {
      return encodedKey == null ? null : ObjectEvent.decodeKey(encodedKey);
    } catch (IllegalArgumentException e) {
      return encodedKey;
    }
  }

  private static RecordOutcome malformed(S3EventNotificationRecord record, Exception e) {
    String key = ObjectEvent.rawKey(record);
    LOG.atError()
        .addKeyValue("objectKey", key)
        .addKeyValue("eventName", record == null ? null : record.getEventName())
        .setCause(e)
        .log("Malformed record skipped; a retry would fail the same way");
    return new RecordOutcome(
        ObjectEvent.rawBucket(record), key, RecordOutcome.Disposition.SKIPPED, null, null);
  }

  /** Closes the SDK clients and the model; for tests and the local demo. */
  @Override
  public void close() {
    service.close();
  }
}
