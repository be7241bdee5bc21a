package org.imageclassifier.function;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The DynamoDB table of results: one item per object key, billed on demand, with a global secondary
 * index by label and time. template.yaml declares the same key schema and index (a test compares
 * the two); tests and the local servers create the table from {@link #createRequest}.
 */
public final class ResultsTable {

  /** Partition key: the decoded S3 object key, a string. */
  public static final String KEY_ATTRIBUTE = "objectKey";

  /**
   * The S3 event sequencer in the form that orders events of one key, see {@link
   * ObjectEvent#order()}; absent when the event had no sequencer.
   */
  public static final String ORDER_ATTRIBUTE = "eventOrder";

  /** The predicted label of a result; FAILED results have none and are not in the index. */
  public static final String LABEL_ATTRIBUTE = "label";

  /** When the result was produced, in the fixed-width form of {@link Timestamps}. */
  public static final String CLASSIFIED_AT_ATTRIBUTE = "classifiedAt";

  /**
   * Global secondary index with partition key {@value #LABEL_ATTRIBUTE} and sort key {@value
   * #CLASSIFIED_AT_ATTRIBUTE}, projecting every attribute: "every image labelled X since T" is one
   * query.
   */
  public static final String LABEL_INDEX = "label-classifiedAt-index";

  private ResultsTable() {}

  /** Returns the request that creates the table with this key schema and index. */
  public static CreateTableRequest createRequest(String tableName) {
    return CreateTableRequest.builder()
        .tableName(tableName)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            stringAttribute(KEY_ATTRIBUTE),
            stringAttribute(LABEL_ATTRIBUTE),
            stringAttribute(CLASSIFIED_AT_ATTRIBUTE))
        .keySchema(key(KEY_ATTRIBUTE, KeyType.HASH))
        .globalSecondaryIndexes(
            GlobalSecondaryIndex.builder()
                .indexName(LABEL_INDEX)
                .keySchema(
                    key(LABEL_ATTRIBUTE, KeyType.HASH), key(CLASSIFIED_AT_ATTRIBUTE, KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build())
        .build();
  }

  private static AttributeDefinition stringAttribute(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
