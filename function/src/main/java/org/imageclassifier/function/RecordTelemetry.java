package org.imageclassifier.function;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.imageclassifier.core.model.InferenceException;
import org.imageclassifier.function.ClassificationResult.ModelInfo;
import org.imageclassifier.function.ClassificationResult.Timings;
import org.imageclassifier.function.metrics.EmfDocument;
import org.imageclassifier.function.metrics.MetricUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Logs and meters what happens to each record: one structured log line and one CloudWatch embedded
 * metric format (EMF) document per record, written to stdout, which Lambda sends to CloudWatch
 * Logs. The metrics are counts by outcome, error code and predicted label, the latency of each
 * stage, the top-1 confidence, and a cold-start count per execution environment.
 *
 * <p>Every metric carries the dimension {@value #SERVICE_DIMENSION}, so that several stacks can
 * share the namespace. Thread-safe.
 */
public final class RecordTelemetry {

  /** Environment variable with the CloudWatch namespace, as Powertools for AWS Lambda names it. */
  public static final String NAMESPACE_VARIABLE = "POWERTOOLS_METRICS_NAMESPACE";

  /** Environment variable with the service name, as Powertools for AWS Lambda names it. */
  public static final String SERVICE_VARIABLE = "POWERTOOLS_SERVICE_NAME";

  /** Namespace when {@value #NAMESPACE_VARIABLE} is unset. */
  public static final String DEFAULT_NAMESPACE = "ImageClassifier";

  /** Service name when {@value #SERVICE_VARIABLE} is unset. */
  public static final String DEFAULT_SERVICE = "image-classifier";

  /** Dimension with the service name. */
  public static final String SERVICE_DIMENSION = "Service";

  private static final Logger LOG = LoggerFactory.getLogger(RecordTelemetry.class);
  private static final List<String> BY_SERVICE = List.of(SERVICE_DIMENSION);
  private static final List<String> BY_OUTCOME = List.of(SERVICE_DIMENSION, "Outcome");
  private static final List<String> BY_MODEL = List.of(SERVICE_DIMENSION, "ModelVersion");
  private static final List<String> BY_MODEL_OUTCOME =
      List.of(SERVICE_DIMENSION, "ModelVersion", "Outcome");
  private static final List<String> BY_ERROR = List.of(SERVICE_DIMENSION, "ErrorCode");
  private static final List<String> BY_LABEL = List.of(SERVICE_DIMENSION, "ModelVersion", "Label");
  private static final List<String> BY_FUNCTION = List.of(SERVICE_DIMENSION, "FunctionName");

  /** What happened to a record, the value of the {@code Outcome} dimension. */
  public enum Outcome {
    /** Classified, and the top probability reached the threshold. */
    CLASSIFIED,
    /** Classified, but the top probability is below the threshold. */
    BELOW_THRESHOLD,
    /** Rejected for good (not an image, too large, deleted) and recorded as FAILED. */
    FAILED,
    /** A result of this event, a newer one or the same model was already stored. */
    DUPLICATE,
    /** Not an object to classify: a result object, a folder marker or not a created object. */
    SKIPPED,
    /** Failed for a reason that may pass; the record is retried. */
    RETRY
  }

  private final String namespace;
  private final String service;
  private final String functionName;
  private final Consumer<String> sink;
  private final AtomicBoolean coldStart = new AtomicBoolean(true);
  private volatile ModelInfo model;
  private volatile double initMillis = Double.NaN;

  /**
   * Creates the telemetry of one execution environment.
   *
   * @param namespace CloudWatch namespace of the metrics
   * @param service value of the {@value #SERVICE_DIMENSION} dimension
   * @param functionName value of the {@code FunctionName} dimension of the cold-start metrics
   * @param sink receives each EMF document as one line of JSON
   */
  public RecordTelemetry(
      String namespace, String service, String functionName, Consumer<String> sink) {
    this.namespace = namespace;
    this.service = service;
    this.functionName = functionName;
    this.sink = sink;
  }

  /**
   * Creates the telemetry from {@value #NAMESPACE_VARIABLE}, {@value #SERVICE_VARIABLE} and {@code
   * AWS_LAMBDA_FUNCTION_NAME}, writing to stdout.
   */
  public static RecordTelemetry fromEnvironment(Map<String, String> environment) {
    return new RecordTelemetry(
        textOr(environment.get(NAMESPACE_VARIABLE), DEFAULT_NAMESPACE),
        textOr(environment.get(SERVICE_VARIABLE), DEFAULT_SERVICE),
        textOr(environment.get("AWS_LAMBDA_FUNCTION_NAME"), "local"),
        System.out::println);
  }

  /** Sets the model that the records are classified with and how long the init took. */
  void initialized(ModelInfo servingModel, double initDurationMillis) {
    this.model = servingModel;
    this.initMillis = initDurationMillis;
  }

  /**
   * Returns true on the first call in this execution environment and then false. The first call
   * also writes the {@code ColdStart} and {@code InitDuration} metrics.
   */
  public boolean coldStart() {
    if (!coldStart.getAndSet(false)) {
      return false;
    }
    EmfDocument document = document().property("FunctionName", functionName);
    document.metric("ColdStart", MetricUnit.COUNT, 1, BY_FUNCTION);
    if (!Double.isNaN(initMillis)) {
      document.metric("InitDuration", MetricUnit.MILLISECONDS, initMillis, BY_FUNCTION);
    }
    sink.accept(document.toJson());
    return true;
  }

  /** Records a result that this invocation stored, or found stored when its write lost. */
  void stored(ClassificationResult result, boolean written, double writeMillis) {
    Outcome outcome = written ? outcomeOf(result) : Outcome.DUPLICATE;
    String key = result.source() == null ? null : result.source().key();
    logStored(result, outcome, writeMillis);
    EmfDocument document = recordDocument(key, outcome);
    addTimings(document, result.timingsMs(), writeMillis);
    if (result.error() != null) {
      addError(document, result.error().code());
    } else if (written) {
      addPrediction(document, result);
    }
    sink.accept(document.toJson());
  }

  /** Records a record that needed no work: {@link Outcome#SKIPPED} or {@link Outcome#DUPLICATE}. */
  void unchanged(String objectKey, Outcome outcome) {
    sink.accept(recordDocument(objectKey, outcome).toJson());
  }

  /** Records a record that failed for a reason that may pass. */
  void retry(String objectKey, Exception failure) {
    EmfDocument document = recordDocument(objectKey, Outcome.RETRY);
    addError(document, errorCode(failure));
    sink.accept(document.toJson());
  }

  /**
   * Returns the error code of a transient failure: the AWS error code (such as {@code SlowDown} or
   * {@code ThrottlingException}), or a code for the kind of failure.
   */
  static String errorCode(Exception failure) {
    if (failure instanceof AwsServiceException e && e.awsErrorDetails() != null) {
      String code = e.awsErrorDetails().errorCode();
      return code == null ? "HTTP_" + e.statusCode() : code;
    }
    return switch (failure) {
      case SdkClientException e -> "SDK_CLIENT_ERROR";
      case UncheckedIOException e -> "READ_FAILED";
      case InferenceException e -> "INFERENCE_FAILED";
      default -> failure.getClass().getSimpleName();
    };
  }

  private EmfDocument recordDocument(String objectKey, Outcome outcome) {
    ModelInfo serving = model;
    EmfDocument document =
        document()
            .property("Outcome", outcome.name())
            .property("ModelVersion", serving == null ? "unknown" : serving.version())
            .property("objectKey", objectKey);
    return document.metric(
        "Images", MetricUnit.COUNT, 1, BY_SERVICE, BY_OUTCOME, BY_MODEL_OUTCOME, BY_MODEL);
  }

  private EmfDocument document() {
    return new EmfDocument(namespace, System.currentTimeMillis())
        .property(SERVICE_DIMENSION, service)
        .property(LambdaLogContext.REQUEST_ID, MDC.get(LambdaLogContext.REQUEST_ID));
  }

  private static void addTimings(EmfDocument document, Timings timings, double writeMillis) {
    if (timings != null) {
      addLatency(document, "DownloadLatency", timings.download());
      addLatency(document, "DecodeLatency", timings.decode());
      addLatency(document, "PreprocessLatency", timings.preprocess());
      addLatency(document, "InferenceLatency", timings.inference());
      addLatency(document, "RecordLatency", timings.total());
    }
    addLatency(document, "WriteLatency", writeMillis);
  }

  private static void addLatency(EmfDocument document, String name, Double millis) {
    if (millis != null) {
      document.metric(name, MetricUnit.MILLISECONDS, millis, BY_SERVICE);
    }
  }

  private static void addError(EmfDocument document, String code) {
    document.property("ErrorCode", code).metric("Errors", MetricUnit.COUNT, 1, BY_ERROR);
  }

  private static void addPrediction(EmfDocument document, ClassificationResult result) {
    document
        .property("Label", result.label())
        .metric("Predictions", MetricUnit.COUNT, 1, BY_LABEL)
        .metric("TopConfidence", MetricUnit.NONE, result.confidence(), BY_SERVICE, BY_MODEL);
  }

  private void logStored(ClassificationResult result, Outcome outcome, double writeMillis) {
    LoggingEventBuilder entry =
        LOG.atInfo()
            .addKeyValue("objectKey", result.source() == null ? null : result.source().key())
            .addKeyValue("outcome", outcome)
            .addKeyValue("status", result.status())
            .addKeyValue("totalMs", result.timingsMs() == null ? null : result.timingsMs().total())
            .addKeyValue("writeMs", round(writeMillis));
    if (result.error() != null) {
      entry = entry.addKeyValue("errorCode", result.error().code());
    } else {
      entry =
          entry.addKeyValue("label", result.label()).addKeyValue("confidence", result.confidence());
    }
    entry.log(outcome == Outcome.DUPLICATE ? "Result already stored" : "Stored result");
  }

  private static Outcome outcomeOf(ClassificationResult result) {
    return switch (result.status()) {
      case CLASSIFIED -> Outcome.CLASSIFIED;
      case BELOW_THRESHOLD -> Outcome.BELOW_THRESHOLD;
      case FAILED -> Outcome.FAILED;
    };
  }

  private static double round(double millis) {
    return Math.round(millis * 1000.0) / 1000.0;
  }

  private static String textOr(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
