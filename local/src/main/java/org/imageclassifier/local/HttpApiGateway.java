package org.imageclassifier.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.imageclassifier.emulators.LocalLambdaContext;
import org.imageclassifier.function.api.ApiConfig;
import org.imageclassifier.function.api.ApiErrors;
import org.imageclassifier.function.api.ErrorResponse;
import org.imageclassifier.function.api.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API on a local port: each request that matches a {@link Route} becomes the API Gateway
 * event of that route and goes to the handler in this JVM, and the handler's response is written
 * back. Requests that match no route get API Gateway's own 404 body, {@code {"message":"Not
 * Found"}}. {@code GET /} and its assets serve the page.
 */
final class HttpApiGateway implements HttpHandler {

  /** Function name in the Lambda context of each request. */
  static final String FUNCTION_NAME = "image-classifier-api";

  /**
   * Largest body that reaches the handler: 4.5 MB, which base64 makes Lambda's 6 MB limit for a
   * synchronous request. API Gateway and Lambda reject larger requests before the function runs.
   */
  static final long MAX_BODY_BYTES = ApiConfig.MAX_INLINE_IMAGE_BYTES;

  private static final Logger LOG = LoggerFactory.getLogger(HttpApiGateway.class);
  private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(29);
  private static final int FUNCTION_MEMORY_MB = 1024;
  private static final byte[] NOT_FOUND =
      "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8);

  private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
  private final StaticPage page;
  private final ObjectMapper mapper = new ObjectMapper();
  private String host = "127.0.0.1";

  HttpApiGateway(
      RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, StaticPage page) {
    this.handler = handler;
    this.page = page;
  }

  /** Sets the {@code host:port} that events report as the domain name. */
  void host(String host) {
    this.host = host;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      if (page.serves(method, path)) {
        page.write(exchange, path);
        return;
      }
      respond(exchange, method, path);
    } catch (IOException | RuntimeException e) {
      LOG.atWarn().addKeyValue("path", exchange.getRequestURI()).setCause(e).log("Request failed");
      throw e;
    }
  }

  private void respond(HttpExchange exchange, String method, String path) throws IOException {
    Optional<Match> match = match(method, path);
    if (match.isEmpty()) {
      write(exchange, 404, NOT_FOUND);
      return;
    }
    String requestId = ApiEvents.newRequestId();
    byte[] body = readBody(exchange.getRequestBody());
    if (body == null) {
      write(exchange, 413, tooLarge(requestId));
      return;
    }
    APIGatewayV2HTTPEvent event =
        ApiEvents.toEvent(
            request(exchange, path, body),
            match.get().route(),
            match.get().parameters(),
            requestId,
            host);
    write(exchange, invoke(event));
  }

  private APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
    LocalLambdaContext context =
        new LocalLambdaContext(FUNCTION_NAME, FUNCTION_MEMORY_MB, FUNCTION_TIMEOUT);
    return handler.handleRequest(event, context);
  }

  /** A route and the path parameters of the request that matched it. */
  private record Match(Route route, Map<String, String> parameters) {}

  private static Optional<Match> match(String method, String path) {
    for (Route route : Route.values()) {
      Optional<Map<String, String>> parameters = route.match(method, path);
      if (parameters.isPresent()) {
        return Optional.of(new Match(route, parameters.get()));
      }
    }
    return Optional.empty();
  }

  private static GatewayRequest request(HttpExchange exchange, String path, byte[] body) {
    return new GatewayRequest(
        exchange.getRequestMethod(),
        path,
        exchange.getRequestURI().getRawQuery(),
        exchange.getRequestHeaders(),
        body,
        exchange.getRemoteAddress().getAddress().getHostAddress());
  }

  /** Reads the body up to the limit; returns null when it is larger, after discarding the rest. */
  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes((int) MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      in.transferTo(OutputStream.nullOutputStream());
      return null;
    }
    return body;
  }

  private byte[] tooLarge(String requestId) throws IOException {
    String message =
        ("The request body is above %d bytes, which base64 makes larger than Lambda's 6 MB limit"
                + " for a synchronous request, so the function never receives it. Upload the image"
                + " with POST /uploads instead")
            .formatted(MAX_BODY_BYTES);
    return mapper.writeValueAsBytes(
        new ErrorResponse(ApiErrors.PAYLOAD_TOO_LARGE, message, requestId));
  }

  private static void write(HttpExchange exchange, APIGatewayV2HTTPResponse response)
      throws IOException {
    if (response.getHeaders() != null) {
      response.getHeaders().forEach(exchange.getResponseHeaders()::set);
    }
    String body = response.getBody() == null ? "" : response.getBody();
    byte[] bytes =
        response.getIsBase64Encoded()
            ? Base64.getDecoder().decode(body)
            : body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(response.getStatusCode(), bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void write(HttpExchange exchange, int status, byte[] json) throws IOException {
    exchange.getResponseHeaders().set("content-type", "application/json");
    exchange.sendResponseHeaders(status, json.length);
    exchange.getResponseBody().write(json);
  }
}
