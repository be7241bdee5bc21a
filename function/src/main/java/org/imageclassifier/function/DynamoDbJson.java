package org.imageclassifier.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts JSON trees to DynamoDB attribute values and back: objects become maps (M), arrays lists
 * (L), strings S, numbers N, booleans BOOL and null NUL. The conversion keeps the document's
 * structure, so the DynamoDB item of a result reads like its S3 JSON.
 *
 * <p>Note that DynamoDB numbers hold at most 38 significant digits within 1E-130 to 9.9E125; the
 * float probabilities and millisecond timings of a result are well inside that.
 */
public final class DynamoDbJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DynamoDbJson() {}

  /** Converts the fields of a JSON object to the attributes of an item. */
  public static Map<String, AttributeValue> toItem(ObjectNode object) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    object.properties().forEach(field -> item.put(field.getKey(), toAttribute(field.getValue())));
    return item;
  }

  /** Converts one JSON value to an attribute value. */
  public static AttributeValue toAttribute(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> AttributeValue.fromM(toItem((ObjectNode) node));
      case ARRAY -> AttributeValue.fromL(toList(node));
      case STRING -> AttributeValue.fromS(node.textValue());
      case NUMBER -> AttributeValue.fromN(node.decimalValue().toPlainString());
      case BOOLEAN -> AttributeValue.fromBool(node.booleanValue());
      case NULL -> AttributeValue.fromNul(true);
      default ->
          throw new IllegalArgumentException(
              "JSON node type " + node.getNodeType() + " has no DynamoDB attribute type");
    };
  }

  /** Converts the attributes of an item back to a JSON object. */
  public static ObjectNode fromItem(Map<String, AttributeValue> item) {
    ObjectNode object = NODES.objectNode();
    item.forEach((name, value) -> object.set(name, fromAttribute(value)));
    return object;
  }

  /**
   * Converts one attribute value back to JSON. Numbers without a fraction become integers, others
   * doubles, as Jackson reads them from JSON text.
   *
   * @throws IllegalArgumentException for set and binary types, which no result contains
   */
  public static JsonNode fromAttribute(AttributeValue value) {
    return switch (value.type()) {
      case M -> fromItem(value.m());
      case L -> fromList(value.l());
      case S -> NODES.textNode(value.s());
      case N -> number(value.n());
      case BOOL -> NODES.booleanNode(value.bool());
      case NUL -> NODES.nullNode();
      default ->
          throw new IllegalArgumentException(
              "DynamoDB attribute type " + value.type() + " has no JSON form here");
    };
  }

  private static List<AttributeValue> toList(JsonNode array) {
    List<AttributeValue> values = new ArrayList<>(array.size());
    array.forEach(element -> values.add(toAttribute(element)));
    return values;
  }

  private static ArrayNode fromList(List<AttributeValue> values) {
    ArrayNode array = NODES.arrayNode(values.size());
    values.forEach(value -> array.add(fromAttribute(value)));
    return array;
  }

  private static JsonNode number(String text) {
    BigDecimal number = new BigDecimal(text);
    if (number.scale() > 0) {
      return NODES.numberNode(number.doubleValue());
    }
    long whole = number.longValueExact();
    if (whole == (int) whole) {
      return NODES.numberNode((int) whole);
    }
    return NODES.numberNode(whole);
  }
}
