package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imageclassifier.function.api.ApiConfig;
import org.imageclassifier.function.api.ApiHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /results?label=X} through the API handler, with the sample event of {@code
 * events/api-query.json}, over results that the classify handler stored in dynalite: the index by
 * label and time returns one label's results newest first, one page at a time.
 */
@ExtendWith(LocalServers.class)
class LabelQueryApiTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> BOOTS =
      List.of("uploads/boot a.png", "uploads/boot b.png", "uploads/boot c.png");

  private static ApiHandler api;

  @BeforeAll
  static void storeResults(AwsEndpoints aws) {
    Bucket bucket = Bucket.create(aws, "label-query");
    try (ClassifyHandler classify = new ClassifyHandler(bucket.config())) {
      for (String key : BOOTS) {
        classify.handleRequest(
            bucket.putAndNotify(key, Bucket.resource("fashion-mnist/9-ankle-boot.png")),
            Bucket.context());
      }
      classify.handleRequest(
          bucket.putAndNotify("uploads/shoe.png", Bucket.resource("fashion-mnist/7-sneaker.png")),
          Bucket.context());
      classify.handleRequest(
          bucket.putAndNotify("uploads/list.txt", "no image".getBytes(StandardCharsets.UTF_8)),
          Bucket.context());
    }
    api = new ApiHandler(ApiConfig.withDefaults(bucket.config(), bucket.name()));
  }

  @AfterAll
  static void closeApi() {
    api.close();
  }

  @Test
  void sampleEventReturnsLabelNewestFirst() throws IOException {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/api-query.json");

    JsonNode page = ok(api.handleRequest(event, Bucket.context()));

    List<String> keys = new ArrayList<>();
    List<String> times = new ArrayList<>();
    page.get("items")
        .forEach(
            item -> {
              assertThat(item.get("label").asText()).isEqualTo("Ankle boot");
              keys.add(item.get("source").get("key").asText());
              times.add(item.get("classifiedAt").asText());
            });
    assertThat(keys).containsExactlyInAnyOrderElementsOf(BOOTS);
    assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(page.has("nextToken")).isFalse();
  }

  @Test
  void pagesFollowNextToken() throws IOException {
    JsonNode first = ok(query(Map.of("label", "Ankle boot", "limit", "2")));
    assertThat(first.get("items")).hasSize(2);
    String token = first.get("nextToken").asText();

    JsonNode second = ok(query(Map.of("label", "Ankle boot", "limit", "2", "nextToken", token)));

    List<String> keys = new ArrayList<>();
    first.get("items").forEach(item -> keys.add(item.get("source").get("key").asText()));
    second.get("items").forEach(item -> keys.add(item.get("source").get("key").asText()));
    assertThat(keys).containsExactlyInAnyOrderElementsOf(BOOTS);
    assertThat(second.has("nextToken")).isFalse();
  }

  @Test
  void sinceFiltersByTime() throws IOException {
    assertThat(ok(query(Map.of("label", "Sneaker", "since", "2020-01-01"))).get("items"))
        .hasSize(1);
    assertThat(ok(query(Map.of("label", "Sneaker", "since", "2999-01-01T00:00:00Z"))).get("items"))
        .isEmpty();
  }

  @Test
  void invalidParametersRejected() throws IOException {
    assertInvalid(Map.of(), "no label");
    assertInvalid(Map.of("label", "Sneaker", "limit", "0"), "limit must be");
    assertInvalid(Map.of("label", "Sneaker", "since", "yesterday"), "since");
    assertInvalid(Map.of("label", "Sneaker", "nextToken", "bm90IGpzb24"), "nextToken");
    String bootToken =
        ok(query(Map.of("label", "Ankle boot", "limit", "1"))).get("nextToken").asText();
    assertInvalid(Map.of("label", "Sneaker", "nextToken", bootToken), "nextToken");
  }

  private static void assertInvalid(Map<String, String> parameters, String message)
      throws IOException {
    APIGatewayV2HTTPResponse response = query(parameters);
    JsonNode body = MAPPER.readTree(response.getBody());
    assertThat(response.getStatusCode()).as("status for %s", parameters).isEqualTo(400);
    assertThat(body.get("code").asText()).isEqualTo("INVALID_REQUEST");
    assertThat(body.get("message").asText()).contains(message);
  }

  private static APIGatewayV2HTTPResponse query(Map<String, String> parameters) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/api-query.json");
    event.setQueryStringParameters(parameters.isEmpty() ? null : new HashMap<>(parameters));
    return api.handleRequest(event, Bucket.context());
  }

  private static JsonNode ok(APIGatewayV2HTTPResponse response) throws IOException {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return MAPPER.readTree(response.getBody());
  }
}
