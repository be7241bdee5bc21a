package org.imageclassifier.function;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.List;
import org.imageclassifier.function.ClassificationResult.ModelInfo;
import org.slf4j.MDC;

/**
 * The log context of one invocation: puts the request id, the function ARN, whether this is the
 * environment's first invocation, the X-Ray trace id and the serving model into the MDC, under the
 * keys that Powertools for AWS Lambda uses where it has one, so that every log line of the
 * invocation carries them. Closing it removes them again.
 *
 * <p>Use one per invocation with try-with-resources, on the invocation's thread.
 */
public final class LambdaLogContext implements AutoCloseable {

  /** MDC key of the Lambda request id. */
  public static final String REQUEST_ID = "function_request_id";

  /** MDC key of the invoked function's ARN, with the alias or version when one was invoked. */
  public static final String FUNCTION_ARN = "function_arn";

  /** MDC key of {@code true} on the first invocation of an execution environment. */
  public static final String COLD_START = "cold_start";

  /** MDC key of the X-Ray trace id (the {@code Root} of the trace header). */
  public static final String TRACE_ID = "xray_trace_id";

  /** MDC key of the serving model's name. */
  public static final String MODEL_NAME = "modelName";

  /** MDC key of the serving model's version. */
  public static final String MODEL_VERSION = "modelVersion";

  /** System property in which the Lambda Java runtime passes each invocation's trace header. */
  static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";

  private static final List<String> KEYS =
      List.of(REQUEST_ID, FUNCTION_ARN, COLD_START, TRACE_ID, MODEL_NAME, MODEL_VERSION);

  private LambdaLogContext() {}

  /**
   * Opens the log context of an invocation. On the environment's first invocation it also writes
   * the cold-start metric through the service's telemetry.
   *
   * @param context the invocation's Lambda context
   * @param service the service whose model and telemetry the invocation uses
   */
  public static LambdaLogContext begin(Context context, ClassifyService service) {
    MDC.put(REQUEST_ID, context.getAwsRequestId());
    MDC.put(FUNCTION_ARN, context.getInvokedFunctionArn());
    MDC.put(COLD_START, Boolean.toString(service.telemetry().coldStart()));
    MDC.put(TRACE_ID, traceId(System.getProperty(TRACE_HEADER_PROPERTY)));
    ModelInfo model = service.model();
    MDC.put(MODEL_NAME, model.name());
    MDC.put(MODEL_VERSION, model.version());
    return new LambdaLogContext();
  }

  /**
   * Returns the {@code Root} field of an X-Ray trace header such as {@code
   * Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1}, or null.
   */
  static String traceId(String header) {
    if (header == null) {
      return null;
    }
    for (String field : header.split(";")) {
      if (field.startsWith("Root=")) {
        return field.substring("Root=".length());
      }
    }
    return null;
  }

  /** Removes the invocation's keys from the MDC. */
  @Override
  public void close() {
    KEYS.forEach(MDC::remove);
  }
}
