package org.imageclassifier.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.imageclassifier.function.api.Route;
import org.junit.jupiter.api.Test;

class ApiEventsTest {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @Test
  void binaryBodyIsBase64Encoded() {
    GatewayRequest request =
        request(
            "POST", "/classify", null, Map.of("Content-Type", List.of("image/png")), PNG_SIGNATURE);

    APIGatewayV2HTTPEvent event =
        ApiEvents.toEvent(request, Route.CLASSIFY, Map.of(), "id-1", "127.0.0.1:8080");

    assertThat(event.getIsBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(PNG_SIGNATURE);
    assertThat(event.getVersion()).isEqualTo("2.0");
    assertThat(event.getRouteKey()).isEqualTo("POST /classify");
    assertThat(event.getRequestContext().getRouteKey()).isEqualTo("POST /classify");
    assertThat(event.getRequestContext().getRequestId()).isEqualTo("id-1");
    assertThat(event.getRequestContext().getStage()).isEqualTo("$default");
    assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
    assertThat(event.getPathParameters()).isNull();
  }

  @Test
  void jsonBodyStaysText() {
    byte[] json = "{\"contentType\":\"image/png\"}".getBytes(StandardCharsets.UTF_8);
    GatewayRequest request =
        request(
            "POST", "/uploads", null, Map.of("content-type", List.of("application/json")), json);

    APIGatewayV2HTTPEvent event = ApiEvents.toEvent(request, Route.UPLOADS, Map.of(), "id-2", "h");

    assertThat(event.getIsBase64Encoded()).isFalse();
    assertThat(event.getBody()).isEqualTo("{\"contentType\":\"image/png\"}");
  }

  @Test
  void headersAreLowercaseAndJoined() {
    Map<String, List<String>> headers =
        Map.of(
            "Accept", List.of("application/json", "text/plain"),
            "Cookie", List.of("a=1; b=2"),
            "User-Agent", List.of("curl/8.5.0"));
    GatewayRequest request =
        request("GET", "/results/uploads/a b.png", "x=1&x=2&y=%20z", headers, new byte[0]);

    APIGatewayV2HTTPEvent event =
        ApiEvents.toEvent(
            request, Route.RESULT, Map.of(Route.KEY_PARAMETER, "uploads/a b.png"), "id-3", "h");

    assertThat(event.getHeaders())
        .containsEntry("accept", "application/json,text/plain")
        .containsEntry("user-agent", "curl/8.5.0")
        .doesNotContainKey("cookie");
    assertThat(event.getCookies()).containsExactly("a=1", "b=2");
    assertThat(event.getRawQueryString()).isEqualTo("x=1&x=2&y=%20z");
    assertThat(event.getQueryStringParameters()).containsEntry("x", "1,2").containsEntry("y", " z");
    assertThat(event.getPathParameters()).containsEntry("key", "uploads/a b.png");
    assertThat(event.getRawPath()).isEqualTo("/results/uploads/a b.png");
    assertThat(event.getBody()).isNull();
    assertThat(event.getIsBase64Encoded()).isFalse();
    assertThat(event.getRequestContext().getHttp().getUserAgent()).isEqualTo("curl/8.5.0");
  }

  @Test
  void contentTypesDecideEncoding() {
    assertThat(ApiEvents.isBinary("image/jpeg")).isTrue();
    assertThat(ApiEvents.isBinary("application/octet-stream")).isTrue();
    assertThat(ApiEvents.isBinary(null)).isTrue();
    assertThat(ApiEvents.isBinary("text/plain; charset=utf-8")).isFalse();
    assertThat(ApiEvents.isBinary("application/json")).isFalse();
    assertThat(ApiEvents.isBinary("application/x-www-form-urlencoded")).isFalse();
  }

  private static GatewayRequest request(
      String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
    return new GatewayRequest(method, path, query, headers, body, "127.0.0.1");
  }
}
