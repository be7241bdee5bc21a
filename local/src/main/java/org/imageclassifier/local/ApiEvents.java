package org.imageclassifier.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.imageclassifier.function.api.Route;

/**
 * Builds the API Gateway HTTP API event (payload format 2.0) of a request, as API Gateway would
 * send it to the function: lowercase header names with repeated values joined by commas, cookies
 * apart, the path percent-decoded, and a binary body base64-encoded with {@code isBase64Encoded}.
 * The local gateway has no authorizer, so the event carries no authorizer context.
 */
final class ApiEvents {

  /** Account id of the local stack, as in the ARNs of the local Lambda context. */
  static final String ACCOUNT_ID = "000000000000";

  private static final String API_ID = "local";
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ApiEvents() {}

  /**
   * Builds the event of a request that matched a route.
   *
   * @param request the request
   * @param route the matched route
   * @param pathParameters the route's path parameters, decoded; empty for routes without any
   * @param requestId the API Gateway request id to report
   * @param host the {@code host:port} the gateway listens on
   */
  static APIGatewayV2HTTPEvent toEvent(
      GatewayRequest request,
      Route route,
      Map<String, String> pathParameters,
      String requestId,
      String host) {
    Map<String, String> headers = headers(request.headers());
    List<String> cookies = cookies(headers.remove("cookie"));
    boolean binary = isBinary(headers.get("content-type"));
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(route.routeKey())
        .withRawPath(request.path())
        .withRawQueryString(request.rawQuery() == null ? "" : request.rawQuery())
        .withHeaders(headers)
        .withCookies(cookies.isEmpty() ? null : cookies)
        .withQueryStringParameters(queryParameters(request.rawQuery()))
        .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
        .withRequestContext(context(request, route, requestId, host, headers.get("user-agent")))
        .withBody(body(request.body(), binary))
        .withIsBase64Encoded(binary && request.body().length > 0)
        .build();
  }

  /**
   * Returns whether API Gateway sends a body of this content type base64-encoded: every type but
   * text, JSON, XML, JavaScript and form data, and a body without a content type.
   */
  // NOTE: this split into text and binary types approximates API Gateway's rule and was not
  // compared with a deployed HTTP API. The handler decodes exactly when the flag is set, so images
  // reach it intact either way; only a binary body sent as text/* would arrive changed.
  static boolean isBinary(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    boolean text =
        type.startsWith("text/")
            || type.contains("json")
            || type.contains("xml")
            || type.contains("javascript")
            || type.startsWith("application/x-www-form-urlencoded");
    return !text;
  }

  private static Map<String, String> headers(Map<String, List<String>> raw) {
    Map<String, String> headers = new TreeMap<>();
    raw.forEach(
        (name, values) ->
            headers.merge(
                name.toLowerCase(Locale.ROOT), String.join(",", values), ApiEvents::join));
    return headers;
  }

  private static String join(String first, String second) {
    return first + "," + second;
  }

  private static List<String> cookies(String cookieHeader) {
    if (cookieHeader == null || cookieHeader.isBlank()) {
      return List.of();
    }
    return Arrays.stream(cookieHeader.split(";")).map(String::strip).toList();
  }

  private static Map<String, String> queryParameters(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return null;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      parameters.merge(name, value, ApiEvents::join);
    }
    return parameters;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static RequestContext context(
      GatewayRequest request, Route route, String requestId, String host, String userAgent) {
    Instant now = Instant.now();
    RequestContext.Http http =
        RequestContext.Http.builder()
            .withMethod(request.method())
            .withPath(request.path())
            .withProtocol("HTTP/1.1")
            .withSourceIp(request.sourceIp())
            .withUserAgent(userAgent)
            .build();
    return RequestContext.builder()
        .withAccountId(ACCOUNT_ID)
        .withApiId(API_ID)
        .withDomainName(host)
        .withDomainPrefix(API_ID)
        .withHttp(http)
        .withRequestId(requestId)
        .withRouteKey(route.routeKey())
        .withStage("$default")
        .withTime(REQUEST_TIME.format(now))
        .withTimeEpoch(now.toEpochMilli())
        .build();
  }

  private static String body(byte[] body, boolean binary) {
    if (body.length == 0) {
      return null;
    }
    return binary
        ? Base64.getEncoder().encodeToString(body)
        : new String(body, StandardCharsets.UTF_8);
  }

  /** Returns a request id in the form API Gateway uses: 12 random bytes in base64. */
  static String newRequestId() {
    byte[] bytes = new byte[12];
    ThreadLocalRandom.current().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
