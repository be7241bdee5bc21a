package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void scalarsMapToAttributeTypes() throws Exception {
    ObjectNode document =
        (ObjectNode)
            MAPPER.readTree(
                """
                {"text": "a", "whole": 401, "fraction": 0.93, "flag": true, "nothing": null}
                """);

    Map<String, AttributeValue> item = DynamoDbJson.toItem(document);

    assertThat(item.get("text")).isEqualTo(AttributeValue.fromS("a"));
    assertThat(item.get("whole")).isEqualTo(AttributeValue.fromN("401"));
    assertThat(item.get("fraction")).isEqualTo(AttributeValue.fromN("0.93"));
    assertThat(item.get("flag")).isEqualTo(AttributeValue.fromBool(true));
    assertThat(item.get("nothing")).isEqualTo(AttributeValue.fromNul(true));
  }

  @Test
  void nestedStructuresMapToMapsAndLists() throws Exception {
    ObjectNode document =
        (ObjectNode) MAPPER.readTree("{\"topK\": [{\"label\": \"Bag\", \"probability\": 0.5}]}");

    AttributeValue topK = DynamoDbJson.toItem(document).get("topK");

    assertThat(topK.l()).hasSize(1);
    assertThat(topK.l().getFirst().m())
        .containsEntry("label", AttributeValue.fromS("Bag"))
        .containsEntry("probability", AttributeValue.fromN("0.5"));
  }

  @Test
  void roundTripKeepsDocument() throws Exception {
    JsonNode document =
        MAPPER.readTree(
            """
            {"requestId": "r-1", "status": "CLASSIFIED", "label": "Ankle boot",
             "confidence": 0.9876543, "topK": [{"label": "Ankle boot", "probability": 0.9876543},
             {"label": "Sneaker", "probability": 1.2E-7}],
             "source": {"bucket": "b", "key": "uploads/a b.png", "size": 401,
                        "big": 12345678901},
             "timingsMs": {"download": 0.0, "total": 12.5}, "empty": [], "flag": false}
            """);

    JsonNode back = DynamoDbJson.fromItem(DynamoDbJson.toItem((ObjectNode) document));

    assertThat(back).isEqualTo(document);
  }

  @Test
  void smallNumbersAreWrittenWithoutExponent() {
    AttributeValue value = DynamoDbJson.toAttribute(MAPPER.getNodeFactory().numberNode(1.2E-7));

    assertThat(value.n()).isEqualTo("0.00000012");
  }

  @Test
  void binaryAttributeIsRejected() {
    AttributeValue binary = AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1}));

    assertThatThrownBy(() -> DynamoDbJson.fromAttribute(binary))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("B");
  }

  @Test
  void listOfStringsRoundTrips() {
    AttributeValue list =
        AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromS("b")));

    assertThat(DynamoDbJson.toAttribute(DynamoDbJson.fromAttribute(list))).isEqualTo(list);
  }
}
