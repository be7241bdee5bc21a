package org.imageclassifier.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.util.ArrayList;
import java.util.List;
import org.imageclassifier.core.model.InferenceException;
import org.imageclassifier.core.model.ModelLoadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Lambda entry point for S3 {@code ObjectCreated} events: classifies each uploaded image and stores
 * the result in S3 and DynamoDB.
 *
 * <p>Each record is processed on its own: an exception from one record does not stop the others.
 * When some records fail for a transient reason, the handler throws {@link
 * RetryableFailureException} after the rest are done, and Lambda retries the event.
 */
public final class ClassifyHandler
    implements RequestHandler<S3Event, ClassifyResponse>, AutoCloseable {

  /** MDC key of the Lambda request id in every log line. */
  public static final String REQUEST_ID_KEY = "AWSRequestId";

  private static final Logger LOG = LoggerFactory.getLogger(ClassifyHandler.class);

  private final ClassifyService service;

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
   * Creates the handler with the given configuration and the bundled model.
   *
   * @throws IllegalStateException when the bundled model is missing or invalid
   */
  public ClassifyHandler(FunctionConfig config) {
    try {
      this.service = ClassifyService.create(config);
    } catch (ModelLoadException e) {
      throw new IllegalStateException("Cannot load the bundled model: " + e.getMessage(), e);
    }
  }

  /**
   * Classifies the object of every record of an S3 event.
   *
   * @throws RetryableFailureException when some records failed transiently, after all records
   */
  @Override
  public ClassifyResponse handleRequest(S3Event event, Context context) {
    MDC.put(REQUEST_ID_KEY, context.getAwsRequestId());
    try {
      return handle(event.getRecords(), context.getAwsRequestId());
    } finally {
      MDC.remove(REQUEST_ID_KEY);
    }
  }

  private ClassifyResponse handle(List<S3EventNotificationRecord> records, String requestId) {
    List<RecordOutcome> outcomes = new ArrayList<>();
    List<String> failedKeys = new ArrayList<>();
    List<Exception> failures = new ArrayList<>();
    for (S3EventNotificationRecord record :
        records == null ? List.<S3EventNotificationRecord>of() : records) {
      try {
        outcomes.add(service.process(ObjectEvent.from(record), requestId));
      } catch (InferenceException | RuntimeException e) {
        String key = keyOf(record);
        LOG.atError()
            .addKeyValue("objectKey", key)
            .setCause(e)
            .log("Record failed; the event will be retried");
        failedKeys.add(key);
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      throw new RetryableFailureException(failedKeys, failures);
    }
    return new ClassifyResponse(outcomes);
  }

  /** Returns the decoded key of a record, or the key as sent when it is not valid URL encoding. */
  private static String keyOf(S3EventNotificationRecord record) {
    String encodedKey = record.getS3().getObject().getKey();
    try {
      return ObjectEvent.decodeKey(encodedKey);
    } catch (IllegalArgumentException e) {
      return encodedKey;
    }
  }

  /** Closes the SDK clients and the model; for tests and the local demo. */
  @Override
  public void close() {
    service.close();
  }
}
