package org.imageclassifier.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imageclassifier.function.ResultsTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;

/**
 * The results table of template.yaml against {@link ResultsTable#createRequest}, which the tests
 * and the local servers create: the same attributes, key schema, index and billing mode, so what
 * passes locally runs against the deployed table. CloudFormation's tags, such as {@code !Ref}, are
 * read as their plain values.
 */
class TemplateTableTest {

  private static JsonNode table;
  private static CreateTableRequest code;

  @BeforeAll
  static void readTemplate() throws IOException {
    JsonNode template =
        new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "template.yaml").toFile());
    table = template.get("Resources").get("ResultsTable").get("Properties");
    code = ResultsTable.createRequest("results");
  }

  @Test
  void attributesMatch() {
    List<String> template = new ArrayList<>();
    table
        .get("AttributeDefinitions")
        .forEach(
            a ->
                template.add(
                    a.get("AttributeName").asText() + ":" + a.get("AttributeType").asText()));

    assertThat(template)
        .containsExactlyInAnyOrderElementsOf(
            code.attributeDefinitions().stream()
                .map(a -> a.attributeName() + ":" + a.attributeTypeAsString())
                .toList());
  }

  @Test
  void keySchemaMatches() {
    assertThat(keys(table.get("KeySchema")))
        .containsExactlyElementsOf(
            code.keySchema().stream()
                .map(k -> k.attributeName() + ":" + k.keyTypeAsString())
                .toList());
    assertThat(table.get("BillingMode").asText()).isEqualTo(code.billingModeAsString());
  }

  @Test
  void labelIndexMatches() {
    JsonNode indexes = table.get("GlobalSecondaryIndexes");
    GlobalSecondaryIndex index = code.globalSecondaryIndexes().getFirst();

    assertThat(indexes).hasSize(code.globalSecondaryIndexes().size());
    assertThat(indexes.get(0).get("IndexName").asText())
        .isEqualTo(index.indexName())
        .isEqualTo(ResultsTable.LABEL_INDEX);
    assertThat(keys(indexes.get(0).get("KeySchema")))
        .containsExactlyElementsOf(
            index.keySchema().stream()
                .map(k -> k.attributeName() + ":" + k.keyTypeAsString())
                .toList());
    assertThat(indexes.get(0).get("Projection").get("ProjectionType").asText())
        .isEqualTo(index.projection().projectionTypeAsString());
  }

  private static List<String> keys(JsonNode schema) {
    List<String> keys = new ArrayList<>();
    schema.forEach(
        k -> keys.add(k.get("AttributeName").asText() + ":" + k.get("KeyType").asText()));
    return keys;
  }
}
