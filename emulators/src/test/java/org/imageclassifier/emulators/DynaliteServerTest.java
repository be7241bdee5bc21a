package org.imageclassifier.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class DynaliteServerTest {

  @Test
  void tableIsActiveAndStoresItems() throws IOException {
    try (DynaliteServer server = DynaliteServer.start();
        DynamoDbClient dynamoDb = LocalClients.dynamoDb(server.endpoint())) {
      createTable(dynamoDb);

      TableStatus status = dynamoDb.describeTable(b -> b.tableName("items")).table().tableStatus();
      dynamoDb.putItem(
          b -> b.tableName("items").item(Map.of("id", string("a"), "value", string("1"))));
      Map<String, AttributeValue> item =
          dynamoDb.getItem(b -> b.tableName("items").key(Map.of("id", string("a")))).item();

      assertThat(status).isEqualTo(TableStatus.ACTIVE);
      assertThat(item).containsEntry("value", string("1"));
    }
  }

  @Test
  void closeStopsProcess() throws IOException {
    DynaliteServer server = DynaliteServer.start();
    int port = server.endpoint().getPort();

    server.close();

    assertThat(DynaliteServer.accepts(port)).isFalse();
  }

  @Test
  void missingPackageNamesFix() {
    String previous = System.setProperty(DynaliteServer.HOME_PROPERTY, "/nonexistent/dynalite");
    try {
      assertThatThrownBy(DynaliteServer::start)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("/nonexistent/dynalite")
          .hasMessageContaining("node_modules/dynalite");
    } finally {
      System.clearProperty(DynaliteServer.HOME_PROPERTY);
      if (previous != null) {
        System.setProperty(DynaliteServer.HOME_PROPERTY, previous);
      }
    }
  }

  private static void createTable(DynamoDbClient dynamoDb) {
    dynamoDb.createTable(
        b ->
            b.tableName("items")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
  }

  private static AttributeValue string(String value) {
    return AttributeValue.fromS(value);
  }
}
