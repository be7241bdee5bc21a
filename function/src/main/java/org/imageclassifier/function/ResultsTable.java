package org.imageclassifier.function;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The DynamoDB table of results: one item per object key, billed on demand. template.yaml declares
 * the same key schema; tests and the local demo create the table from {@link #createRequest}.
 */
public final class ResultsTable {

  /** Partition key: the decoded S3 object key, a string. */
  public static final String KEY_ATTRIBUTE = "objectKey";

  /**
   * The S3 event sequencer in the form that orders events of one key, see {@link
   * ObjectEvent#order()}; absent when the event had no sequencer.
   */
  public static final String ORDER_ATTRIBUTE = "eventOrder";

  private ResultsTable() {}

  /** Returns the request that creates the table with this key schema. */
  public static CreateTableRequest createRequest(String tableName) {
    return CreateTableRequest.builder()
        .tableName(tableName)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            AttributeDefinition.builder()
                .attributeName(KEY_ATTRIBUTE)
                .attributeType(ScalarAttributeType.S)
                .build())
        .keySchema(
            KeySchemaElement.builder().attributeName(KEY_ATTRIBUTE).keyType(KeyType.HASH).build())
        .build();
  }
}
