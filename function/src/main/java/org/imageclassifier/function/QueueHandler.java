package org.imageclassifier.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point for S3 event notifications delivered through an SQS queue, which smooths
 * bursts of uploads: the queue stores the events and the event source mapping caps how many
 * invocations run at once.
 *
 * <p>The records of every message of a batch are classified together, with one inference call. The
 * response reports partial batch failures ({@code ReportBatchItemFailures}): a message is returned
 * to the queue only when one of its records failed for a transient reason, and the others are
 * deleted. The {@code s3:TestEvent} message, a body that is not an S3 event and a malformed record
 * are logged and acknowledged, because a retry would read them the same way.
 */
public final class QueueHandler
    implements RequestHandler<SQSEvent, SQSBatchResponse>, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(QueueHandler.class);

  private final ClassifyService service;
  private final ObjectMapper mapper = new ObjectMapper();

  /** Kept referenced because the CRaC context holds its resources weakly. */
  private final SnapStartPriming priming;

  /**
   * Creates the handler from environment variables, once per execution environment; called by the
   * Lambda runtime.
   *
   * @throws IllegalStateException when the model is missing or invalid, which fails the init phase
   */
  public QueueHandler() {
    this(
        FunctionConfig.fromEnvironment(System.getenv()),
        ServingOptions.fromEnvironment(System.getenv()));
  }

  /**
   * Creates the handler with the given configuration and serving options.
   *
   * @throws IllegalStateException when the model is missing or invalid
   */
  public QueueHandler(FunctionConfig config, ServingOptions options) {
    this.service = ClassifyHandler.createService(config, options);
    this.priming = SnapStartPriming.register(service);
  }

  /**
   * Classifies the objects of every message and returns the ids of the messages to retry.
   *
   * @return the partial batch response; an empty list deletes every message
   */
  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    try (LambdaLogContext log = LambdaLogContext.begin(context, service)) {
      List<SQSMessage> messages = event == null ? null : event.getRecords();
      if (messages == null || messages.isEmpty()) {
        return new SQSBatchResponse(List.of());
      }
      return handle(messages, context.getAwsRequestId());
    }
  }

  private SQSBatchResponse handle(List<SQSMessage> messages, String requestId) {
    List<ObjectEvent> events = new ArrayList<>();
    List<String> messageIds = new ArrayList<>();
    for (SQSMessage message : messages) {
      for (ObjectEvent record : records(message)) {
        events.add(record);
        messageIds.add(message.getMessageId());
      }
    }
    List<ClassifyService.RecordResult> results = service.processAll(events, requestId);
    Set<String> retry = new LinkedHashSet<>();
    for (int i = 0; i < results.size(); i++) {
      Exception failure = results.get(i).failure();
      if (failure != null) {
        logFailure(events.get(i).key(), messageIds.get(i), failure);
        retry.add(messageIds.get(i));
      }
    }
    return new SQSBatchResponse(retry.stream().map(BatchItemFailure::new).toList());
  }

  /**
   * Returns the records of a message; logs and acknowledges a message without objects to classify.
   */
  private List<ObjectEvent> records(SQSMessage message) {
    QueueMessages.Content content;
    try {
      content = QueueMessages.read(message.getBody(), mapper);
    } catch (IllegalArgumentException e) {
      LOG.atError()
          .addKeyValue("messageId", message.getMessageId())
          .log("Message skipped: {}; a retry would read it the same way", e.getMessage());
      return List.of();
    }
    if (content.testEvent()) {
      LOG.atInfo()
          .addKeyValue("messageId", message.getMessageId())
          .log("s3:TestEvent acknowledged; nothing to classify");
    }
    if (content.malformedRecords() > 0) {
      LOG.atError()
          .addKeyValue("messageId", message.getMessageId())
          .addKeyValue("malformedRecords", content.malformedRecords())
          .log("Malformed records skipped; a retry would fail the same way");
    }
    return content.records();
  }

  private static void logFailure(String key, String messageId, Exception failure) {
    LOG.atError()
        .addKeyValue("objectKey", key)
        .addKeyValue("messageId", messageId)
        .setCause(failure)
        .log("Record failed; its message returns to the queue");
  }

  /** Closes the SDK clients and the model; for tests. */
  @Override
  public void close() {
    service.close();
  }
}
