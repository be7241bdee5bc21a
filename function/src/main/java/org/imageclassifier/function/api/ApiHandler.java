package org.imageclassifier.function.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.imageclassifier.core.model.InferenceException;
import org.imageclassifier.core.model.ModelLoadException;
import org.imageclassifier.function.LambdaLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point for the HTTP API (API Gateway, payload format 2.0): {@code POST /classify},
 * {@code POST /uploads}, {@code GET /results/{key+}} and {@code GET /results?label=X}, routed by
 * the event's route key.
 *
 * <p>Every response is JSON. A rejected request gets a 4xx status with {@link ErrorResponse}; a
 * failure inside the function is logged with its stack trace, and the response is a 500 with only
 * the request id.
 */
public final class ApiHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, AutoCloseable {

  /** Largest object key that S3 accepts, in UTF-8 bytes. */
  static final int MAX_KEY_BYTES = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

  private final ApiConfig config;
  private final ApiService service;
  private final ObjectMapper mapper = new ObjectMapper();
  private final ApiResponses responses = new ApiResponses(mapper);

  /**
   * Creates the handler from environment variables, once per execution environment; called by the
   * Lambda runtime.
   *
   * @throws IllegalStateException when the model is invalid, which fails the init phase
   * @throws IllegalArgumentException when a variable is missing or invalid
   */
  public ApiHandler() {
    this(ApiConfig.fromEnvironment(System.getenv()));
  }

  /**
   * Creates the handler with the given configuration and the model of the environment variables.
   *
   * @throws IllegalStateException when the model is missing or invalid
   */
  public ApiHandler(ApiConfig config) {
    this.config = config;
    try {
      this.service = ApiService.create(config);
    } catch (ModelLoadException e) {
      throw new IllegalStateException("Cannot load the model: " + e.getMessage(), e);
    }
  }

  /** Handles one HTTP request; every exception becomes a JSON response. */
  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String requestId = context.getAwsRequestId();
    long start = System.nanoTime();
    try (LambdaLogContext log = LambdaLogContext.begin(context, service.classifier())) {
      APIGatewayV2HTTPResponse response = respond(event, requestId);
      log(event, response, start);
      return response;
    }
  }

  private APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event, String requestId) {
    try {
      return responses.json(200, route(event, requestId));
    } catch (ApiException e) {
      LOG.atInfo()
          .addKeyValue("routeKey", event.getRouteKey())
          .addKeyValue("errorCode", e.code())
          .log("Request rejected: {}", e.getMessage());
      return responses.error(e, requestId);
    } catch (InferenceException | RuntimeException e) {
      LOG.atError()
          .addKeyValue("routeKey", event.getRouteKey())
          .setCause(e)
          .log("Request failed inside the function");
      return responses.internalError(requestId);
    }
  }

  private Object route(APIGatewayV2HTTPEvent event, String requestId)
      throws ApiException, InferenceException {
    Route route = Route.ofRouteKey(event.getRouteKey()).orElseThrow(() -> routeNotFound(event));
    return switch (route) {
      case CLASSIFY ->
          service.classify(ImageBody.read(event, config.maxInlineImageBytes()), requestId);
      case UPLOADS ->
          service.createUpload(
              UploadRequest.parse(text(event), config.function().maxObjectBytes(), mapper));
      case RESULT -> service.storedResult(objectKey(event.getPathParameters()));
      case RESULTS_BY_LABEL ->
          service.resultsByLabel(LabelQueryParameters.parse(event.getQueryStringParameters()));
    };
  }

  /**
   * Returns the {@code key} path parameter. HTTP APIs deliver path parameters percent-decoded, so
   * {@code /results/uploads%2Fshoe.png} and {@code /results/uploads/shoe.png} both name {@code
   * uploads/shoe.png}. The value is used as delivered and never decoded a second time.
   */
  // NOTE: the decoding follows published captures of HTTP API events; no deployed API was called
  // from this repository to confirm it for keys with '%' or '+'.
  private static String objectKey(Map<String, String> pathParameters) throws ApiException {
    String key = pathParameters == null ? null : pathParameters.get(Route.KEY_PARAMETER);
    if (key == null || key.isEmpty()) {
      throw ApiErrors.invalidRequest("The path has no object key. Use GET /results/{key}");
    }
    int length = key.getBytes(StandardCharsets.UTF_8).length;
    if (length > MAX_KEY_BYTES) {
      throw ApiErrors.invalidRequest(
          "The object key is %d bytes, above the S3 maximum of %d bytes. Use the key that POST /uploads returned"
              .formatted(length, MAX_KEY_BYTES));
    }
    return key;
  }

  /** Returns the body as text, base64-decoded when API Gateway encoded it. */
  private static String text(APIGatewayV2HTTPEvent event) throws ApiException {
    String body = event.getBody();
    if (body == null || !event.getIsBase64Encoded()) {
      return body;
    }
    try {
      return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          400, ApiErrors.INVALID_REQUEST, "The body is not valid base64: " + e.getMessage(), e);
    }
  }

  private static ApiException routeNotFound(APIGatewayV2HTTPEvent event) {
    return new ApiException(
        404,
        ApiErrors.ROUTE_NOT_FOUND,
        "No route for '%s'. The routes are POST /classify, POST /uploads, GET /results/{key} and GET /results?label=X"
            .formatted(event.getRouteKey()));
  }

  private static void log(
      APIGatewayV2HTTPEvent event, APIGatewayV2HTTPResponse response, long startNanos) {
    var context = event.getRequestContext();
    LOG.atInfo()
        .addKeyValue("routeKey", event.getRouteKey())
        .addKeyValue("status", response.getStatusCode())
        .addKeyValue("apiRequestId", context == null ? null : context.getRequestId())
        .addKeyValue("durationMs", (System.nanoTime() - startNanos) / 1_000_000.0)
        .log("Request handled");
  }

  /** Closes the SDK clients, the presigner and the model; for tests and the local server. */
  @Override
  public void close() {
    service.close();
  }
}
