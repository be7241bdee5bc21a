package org.imageclassifier.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.S3BatchEventV2;
import com.amazonaws.services.lambda.runtime.events.S3BatchEventV2.Task;
import com.amazonaws.services.lambda.runtime.events.S3BatchResponse;
import com.amazonaws.services.lambda.runtime.events.S3BatchResponse.Result;
import com.amazonaws.services.lambda.runtime.events.S3BatchResponse.ResultCode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.imageclassifier.function.ClassificationResult.ModelInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point for S3 Batch Operations jobs that classify the objects of a manifest again
 * with the serving model, such as a whole bucket after a model change. The job must invoke the
 * function with invocation schema 2.0, which names each task's bucket.
 *
 * <p>Each task's object is skipped when its stored result comes from the serving model (same
 * version and SHA-256), and otherwise classified and stored in place of the old result. Per task,
 * the response reports {@code Succeeded} (classified, or skipped), {@code PermanentFailure} (an
 * object that can never be classified, which is also stored as a FAILED result, or a malformed
 * task) or {@code TemporaryFailure} (S3, DynamoDB or the engine failed; S3 Batch Operations retries
 * it).
 *
 * <p>The handler reads and writes the JSON itself ({@link RequestStreamHandler}), because the S3
 * user guide states that a Java function for S3 Batch Operations needs a stream handler: with a
 * typed {@code RequestHandler} the job fails with "Invalid JSON returned in Lambda payload".
 */
public final class BatchOperationsHandler implements RequestStreamHandler, AutoCloseable {

  /** Event name of the records built from batch tasks, which S3 itself never sends. */
  static final String EVENT_NAME = "ObjectCreated:BatchOperations";

  /** The invocation schema version this handler reads. */
  static final String SCHEMA_VERSION = "2.0";

  private static final Logger LOG = LoggerFactory.getLogger(BatchOperationsHandler.class);

  /** Maximum length of a result string in the job's completion report, in characters. */
  private static final int MAX_RESULT_CHARS = 512;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final ClassifyService service;

  /** Kept referenced because the CRaC context holds its resources weakly. */
  private final SnapStartPriming priming;

  /**
   * Creates the handler from environment variables, once per execution environment; called by the
   * Lambda runtime.
   *
   * @throws IllegalStateException when the model is missing or invalid, which fails the init phase
   */
  public BatchOperationsHandler() {
    this(
        FunctionConfig.fromEnvironment(System.getenv()),
        ServingOptions.fromEnvironment(System.getenv()));
  }

  /**
   * Creates the handler with the given configuration and serving options.
   *
   * @throws IllegalStateException when the model is missing or invalid
   */
  public BatchOperationsHandler(FunctionConfig config, ServingOptions options) {
    this.service = ClassifyHandler.createService(config, options);
    this.priming = SnapStartPriming.register(service);
  }

  /**
   * Reads the S3 Batch Operations event as JSON, classifies the object of every task again, and
   * writes the response as JSON.
   *
   * @throws IOException when the input is not an S3 Batch Operations event or the output fails
   */
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    S3BatchEventV2 event = MAPPER.readValue(input, S3BatchEventV2.class);
    MAPPER.writeValue(output, handle(event, context));
  }

  /** Classifies the object of every task again and returns one result per task. */
  public S3BatchResponse handle(S3BatchEventV2 event, Context context) {
    try (LambdaLogContext log = LambdaLogContext.begin(context, service)) {
      List<Task> tasks = event.getTasks() == null ? List.of() : event.getTasks();
      LOG.atInfo()
          .addKeyValue("jobId", event.getJob() == null ? null : event.getJob().getId())
          .addKeyValue("tasks", tasks.size())
          .log("Batch Operations invocation");
      List<Result> results =
          SCHEMA_VERSION.equals(event.getInvocationSchemaVersion())
              ? handle(tasks, context.getAwsRequestId())
              : tasks.stream().map(BatchOperationsHandler::wrongSchema).toList();
      return S3BatchResponse.builder()
          .withInvocationSchemaVersion(event.getInvocationSchemaVersion())
          .withInvocationId(event.getInvocationId())
          .withTreatMissingKeysAs(ResultCode.PermanentFailure)
          .withResults(results)
          .build();
    }
  }

  private List<Result> handle(List<Task> tasks, String requestId) {
    Result[] results = new Result[tasks.size()];
    List<ObjectEvent> events = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      try {
        events.add(objectEvent(tasks.get(i)));
        positions.add(i);
      } catch (IllegalArgumentException e) {
        LOG.atError().addKeyValue("taskId", tasks.get(i).getTaskId()).log(e.getMessage());
        results[i] = result(tasks.get(i), ResultCode.PermanentFailure, e.getMessage());
      }
    }
    List<ClassifyService.RecordResult> done = service.reclassifyAll(events, requestId);
    for (int i = 0; i < done.size(); i++) {
      Task task = tasks.get(positions.get(i));
      results[positions.get(i)] = result(task, done.get(i));
    }
    return List.of(results);
  }

  /**
   * Reads a task. Keys in batch tasks are URL-encoded as in S3 event notifications.
   *
   * @throws IllegalArgumentException when the task has no bucket or key, or the key is not valid
   *     URL encoding
   */
  static ObjectEvent objectEvent(Task task) {
    if (task.getS3Bucket() == null || task.getS3Key() == null) {
      throw new IllegalArgumentException(
          "Task %s has no s3Bucket or s3Key; create the job with invocation schema 2.0"
              .formatted(task.getTaskId()));
    }
    return new ObjectEvent(
        EVENT_NAME,
        task.getS3Bucket(),
        ObjectEvent.decodeKey(task.getS3Key()),
        null,
        null,
        task.getS3VersionId(),
        null);
  }

  private static Result result(Task task, ClassifyService.RecordResult done) {
    if (done.failure() != null) {
      String code = RecordTelemetry.errorCode(done.failure());
      LOG.atError()
          .addKeyValue("taskId", task.getTaskId())
          .setCause(done.failure())
          .log("Task failed; S3 Batch Operations retries it");
      return result(task, ResultCode.TemporaryFailure, code + ": " + done.failure().getMessage());
    }
    RecordOutcome outcome = done.outcome();
    ClassificationResult stored = outcome.result();
    return switch (outcome.disposition()) {
      case SKIPPED -> result(task, ResultCode.Succeeded, "SKIPPED: not an object to classify");
      case DUPLICATE ->
          result(task, ResultCode.Succeeded, "UNCHANGED: the stored result is of " + name(stored));
      case STORED ->
          stored.error() == null
              ? result(task, ResultCode.Succeeded, describe(stored))
              : result(
                  task,
                  ResultCode.PermanentFailure,
                  "FAILED " + stored.error().code() + ": " + stored.error().message());
    };
  }

  private static String describe(ClassificationResult result) {
    return "%s %s %s by %s"
        .formatted(result.status(), result.label(), result.confidence(), name(result));
  }

  private static String name(ClassificationResult result) {
    ModelInfo model = result.model();
    return model == null ? "an unknown model" : model.name() + " " + model.version();
  }

  private static Result wrongSchema(Task task) {
    return result(
        task,
        ResultCode.PermanentFailure,
        "This function reads invocation schema " + SCHEMA_VERSION + "; create the job with it");
  }

  private static Result result(Task task, ResultCode code, String text) {
    String bounded = text.length() > MAX_RESULT_CHARS ? text.substring(0, MAX_RESULT_CHARS) : text;
    return new Result(task.getTaskId(), code, bounded);
  }

  /** Closes the SDK clients and the model; for tests. */
  @Override
  public void close() {
    service.close();
  }
}
