package org.imageclassifier.function.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The routes of the HTTP API. template.yaml declares the same route keys, and the local server
 * matches requests against these templates before it builds the API Gateway event.
 */
public enum Route {
  /** Classifies the image in the request body and returns the result. */
  CLASSIFY("POST", "/classify"),
  /** Returns a presigned S3 PUT URL for an image under the uploads prefix. */
  UPLOADS("POST", "/uploads"),
  /** Returns the stored result of an object key; the greedy parameter keeps the slashes. */
  RESULT("GET", "/results/{key+}"),
  /** Returns the stored results with a label, newest first, one page at a time. */
  RESULTS_BY_LABEL("GET", "/results");

  /** Name of the path parameter of {@link #RESULT}: the decoded object key. */
  public static final String KEY_PARAMETER = "key";

  private final String method;
  private final String pathTemplate;

  Route(String method, String pathTemplate) {
    this.method = method;
    this.pathTemplate = pathTemplate;
  }

  /** Returns the HTTP method, such as {@code POST}. */
  public String method() {
    return method;
  }

  /**
   * Returns the API Gateway route key, the method and the path template: {@code POST /classify}.
   */
  public String routeKey() {
    return method + " " + pathTemplate;
  }

  /**
   * Returns the route with the given API Gateway route key.
   *
   * @param routeKey the event's {@code routeKey}; null returns empty
   */
  public static Optional<Route> ofRouteKey(String routeKey) {
    return Arrays.stream(values()).filter(route -> route.routeKey().equals(routeKey)).findFirst();
  }

  /**
   * Matches a request the way API Gateway does and returns the path parameters. A template that
   * ends in a greedy parameter ({@code {name+}}) matches every non-empty rest of the path.
   *
   * @param requestMethod the HTTP method of the request
   * @param decodedPath the request path, percent-decoded, without the query string
   * @return the path parameters (empty for routes without any), or empty when the route does not
   *     match
   */
  public Optional<Map<String, String>> match(String requestMethod, String decodedPath) {
    if (!method.equals(requestMethod)) {
      return Optional.empty();
    }
    int greedy = pathTemplate.indexOf('{');
    if (greedy < 0) {
      return pathTemplate.equals(decodedPath) ? Optional.of(Map.of()) : Optional.empty();
    }
    String prefix = pathTemplate.substring(0, greedy);
    if (!decodedPath.startsWith(prefix) || decodedPath.length() == prefix.length()) {
      return Optional.empty();
    }
    String name = pathTemplate.substring(greedy + 1, pathTemplate.length() - "+}".length());
    return Optional.of(Map.of(name, decodedPath.substring(prefix.length())));
  }

  /**
   * Returns the path of {@code GET /results/{key}} for an object key, with the key percent-encoded
   * as one path segment: {@code uploads/a b.png} becomes {@code /results/uploads%2Fa%20b.png}.
   */
  public static String resultPath(String objectKey) {
    String segment = URLEncoder.encode(objectKey, StandardCharsets.UTF_8).replace("+", "%20");
    return "/results/" + segment;
  }
}
