package org.imageclassifier.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A query of the results with one label, newest first, through the index by label and time.
 *
 * @param label the label, such as {@code Sneaker}
 * @param since the earliest {@code classifiedAt} to return, in the form of {@link Timestamps}, or
 *     null for all
 * @param limit the most results to return, 1 to {@value #MAX_LIMIT}
 * @param nextToken the token of the previous page, or null for the first page
 */
public record LabelQuery(String label, String since, int limit, String nextToken) {

  /** Results per page when the request names no limit. */
  public static final int DEFAULT_LIMIT = 25;

  /** The largest page. */
  public static final int MAX_LIMIT = 100;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> TOKEN_FIELDS =
      List.of(
          ResultsTable.KEY_ATTRIBUTE,
          ResultsTable.LABEL_ATTRIBUTE,
          ResultsTable.CLASSIFIED_AT_ATTRIBUTE);

  /** Creates a query and checks every field. */
  public LabelQuery {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("label must not be blank, was '" + label + "'");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", was " + limit);
    }
  }

  /** Returns the index key to start after, decoded from {@link #nextToken}, or null. */
  Map<String, AttributeValue> exclusiveStartKey() {
    if (nextToken == null) {
      return null;
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(Base64.getUrlDecoder().decode(nextToken));
    } catch (IllegalArgumentException | IOException e) {
      throw invalidToken();
    }
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (String field : TOKEN_FIELDS) {
      if (node == null || !node.path(field).isTextual()) {
        throw invalidToken();
      }
      key.put(field, AttributeValue.fromS(node.get(field).asText()));
    }
    if (!label.equals(key.get(ResultsTable.LABEL_ATTRIBUTE).s())) {
      throw invalidToken();
    }
    return key;
  }

  /** Returns the token that continues after an index key, or null when there is no next page. */
  static String tokenAfter(Map<String, AttributeValue> lastEvaluatedKey) {
    if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
      return null;
    }
    ObjectNode node = MAPPER.createObjectNode();
    TOKEN_FIELDS.forEach(field -> node.put(field, lastEvaluatedKey.get(field).s()));
    byte[] json = node.toString().getBytes(StandardCharsets.UTF_8);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
  }

  private IllegalArgumentException invalidToken() {
    return new IllegalArgumentException(
        "nextToken is not a token of a query for label '"
            + label
            + "'; pass the nextToken of the previous page unchanged");
  }
}
