package org.imageclassifier.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Stores results: the JSON document as an S3 object under the results prefix, then the same
 * document as a DynamoDB item keyed by the object key.
 *
 * <p>The DynamoDB item is the commit marker. Its conditional put succeeds only for the first
 * delivery of an event and for events newer than the stored one (by S3 sequencer), so a result is
 * stored once however often S3 delivers the event. When the put loses to a stored item, the S3
 * object is rewritten from that item, and both copies agree again.
 *
 * <p>Write order: the S3 object first, then the item. The order is safe because a failure between
 * the two leaves an object without an item, which no delivery treats as done: the invocation fails,
 * Lambda retries the event, and the retry rewrites the object before it commits the item. The
 * opposite order would leave an item without its object after such a failure, and every retry would
 * then see the item, skip the event as a duplicate, and never write the object.
 *
 * <p>NOTE: two events of one key processed at the same time can leave the object of the older event
 * behind the item of the newer one, when the older delivery loses the conditional put and then
 * fails to rewrite the object, because its retry finds the newer item and writes nothing. The item
 * is the authoritative copy; the object is corrected by the next event of the key.
 */
final class ResultStore {

  private static final Logger LOG = LoggerFactory.getLogger(ResultStore.class);
  private static final String NEW_OR_NEWER =
      "attribute_not_exists(#key) OR attribute_not_exists(#order) OR #order < :order";

  private final S3Client s3;
  private final DynamoDbClient dynamoDb;
  private final FunctionConfig config;
  private final ObjectMapper mapper;

  ResultStore(S3Client s3, DynamoDbClient dynamoDb, FunctionConfig config, ObjectMapper mapper) {
    this.s3 = s3;
    this.dynamoDb = dynamoDb;
    this.config = config;
    this.mapper = mapper;
  }

  /**
   * Returns the stored result when it comes from this event or a newer one. Such an event needs no
   * work. Returns empty when the event must be processed.
   */
  Optional<ClassificationResult> findCurrent(ObjectEvent event) {
    Map<String, AttributeValue> item = readItem(event.key());
    if (item.isEmpty() || !isCurrent(item, event)) {
      return Optional.empty();
    }
    return Optional.of(toResult(item));
  }

  /** Returns the stored result of an object key, or empty while none is stored. */
  Optional<ClassificationResult> find(String objectKey) {
    Map<String, AttributeValue> item = readItem(objectKey);
    return item.isEmpty() ? Optional.empty() : Optional.of(toResult(item));
  }

  /**
   * Returns one page of the results with a label, newest first, from the index by label and time.
   * The index is eventually consistent: a result stored a moment ago can be missing.
   *
   * @throws IllegalArgumentException when the query's token is invalid
   */
  ResultPage query(LabelQuery query) {
    Map<String, String> names = new HashMap<>(Map.of("#label", ResultsTable.LABEL_ATTRIBUTE));
    Map<String, AttributeValue> values =
        new HashMap<>(Map.of(":label", AttributeValue.fromS(query.label())));
    String condition = "#label = :label";
    if (query.since() != null) {
      names.put("#at", ResultsTable.CLASSIFIED_AT_ATTRIBUTE);
      values.put(":since", AttributeValue.fromS(query.since()));
      condition += " AND #at >= :since";
    }
    QueryResponse response =
        dynamoDb.query(
            QueryRequest.builder()
                .tableName(config.tableName())
                .indexName(ResultsTable.LABEL_INDEX)
                .keyConditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .limit(query.limit())
                .exclusiveStartKey(query.exclusiveStartKey())
                .build());
    List<ClassificationResult> items = response.items().stream().map(this::toResult).toList();
    return new ResultPage(items, LabelQuery.tokenAfter(response.lastEvaluatedKey()));
  }

  /**
   * A stored result and the event order of its item.
   *
   * @param result the stored result
   * @param order the item's {@value ResultsTable#ORDER_ATTRIBUTE}, or null when it has none
   */
  record Stored(ClassificationResult result, String order) {}

  /** Returns the stored result of an object key with its event order, or empty. */
  Optional<Stored> findStored(String objectKey) {
    Map<String, AttributeValue> item = readItem(objectKey);
    if (item.isEmpty()) {
      return Optional.empty();
    }
    AttributeValue order = item.get(ResultsTable.ORDER_ATTRIBUTE);
    return Optional.of(new Stored(toResult(item), order == null ? null : order.s()));
  }

  /**
   * Stores the result of classifying an object again: the S3 object first, then the item, on
   * condition that the item is still the one read before ({@code previous}, or none) and does not
   * yet hold a result of the same model. The new item keeps the previous event order, so the next
   * S3 event of the key still replaces it.
   *
   * @param previous the stored result that this one replaces, or null when none was stored
   * @return true when this call stored the item, false when the item changed since it was read
   */
  boolean replace(ObjectEvent event, ClassificationResult result, Stored previous) {
    ObjectNode document = mapper.valueToTree(result);
    putObject(event, document);
    try {
      dynamoDb.putItem(replaceRequest(event, document, result.model(), previous));
      return true;
    } catch (ConditionalCheckFailedException e) {
      LOG.atInfo()
          .addKeyValue("objectKey", event.key())
          .log("Result changed while it was classified again; keeping the stored one");
      restoreObject(event, e.hasItem() ? e.item() : Map.of());
      return false;
    }
  }

  /**
   * Stores a result: the S3 object first, then the DynamoDB item on condition.
   *
   * @return true when this call stored the item, false when an item from the same or a newer event
   *     was already stored
   */
  boolean store(ObjectEvent event, ClassificationResult result) {
    ObjectNode document = mapper.valueToTree(result);
    putObject(event, document);
    try {
      dynamoDb.putItem(putRequest(event, document));
      return true;
    } catch (ConditionalCheckFailedException e) {
      LOG.atInfo()
          .addKeyValue("objectKey", event.key())
          .addKeyValue("sequencer", event.sequencer())
          .log("Result already stored by an earlier delivery or a newer event");
      restoreObject(event, e.hasItem() ? e.item() : Map.of());
      return false;
    }
  }

  /** Returns the {@code s3://} URI of the result object of an object key. */
  String resultUri(ObjectEvent event) {
    return "s3://" + event.bucket() + "/" + config.resultKey(event.key());
  }

  private static boolean isCurrent(Map<String, AttributeValue> item, ObjectEvent event) {
    AttributeValue stored = item.get(ResultsTable.ORDER_ATTRIBUTE);
    String storedOrder = stored == null ? "" : stored.s();
    return storedOrder.compareTo(event.order()) >= 0;
  }

  private void putObject(ObjectEvent event, ObjectNode document) {
    s3.putObject(
        b ->
            b.bucket(event.bucket())
                .key(config.resultKey(event.key()))
                .contentType("application/json"),
        RequestBody.fromBytes(toBytes(document)));
  }

  private PutItemRequest putRequest(ObjectEvent event, ObjectNode document) {
    Map<String, AttributeValue> item = DynamoDbJson.toItem(document);
    item.put(ResultsTable.KEY_ATTRIBUTE, AttributeValue.fromS(event.key()));
    PutItemRequest.Builder request =
        PutItemRequest.builder()
            .tableName(config.tableName())
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    if (event.order().isEmpty()) {
      return request
          .item(item)
          .conditionExpression("attribute_not_exists(#key)")
          .expressionAttributeNames(Map.of("#key", ResultsTable.KEY_ATTRIBUTE))
          .build();
    }
    item.put(ResultsTable.ORDER_ATTRIBUTE, AttributeValue.fromS(event.order()));
    return request
        .item(item)
        .conditionExpression(NEW_OR_NEWER)
        .expressionAttributeNames(
            Map.of("#key", ResultsTable.KEY_ATTRIBUTE, "#order", ResultsTable.ORDER_ATTRIBUTE))
        .expressionAttributeValues(Map.of(":order", AttributeValue.fromS(event.order())))
        .build();
  }

  private PutItemRequest replaceRequest(
      ObjectEvent event,
      ObjectNode document,
      ClassificationResult.ModelInfo model,
      Stored previous) {
    Map<String, AttributeValue> item = DynamoDbJson.toItem(document);
    item.put(ResultsTable.KEY_ATTRIBUTE, AttributeValue.fromS(event.key()));
    Map<String, String> names = new HashMap<>(Map.of("#key", ResultsTable.KEY_ATTRIBUTE));
    PutItemRequest.Builder request =
        PutItemRequest.builder()
            .tableName(config.tableName())
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    if (previous == null) {
      return request
          .item(item)
          .conditionExpression("attribute_not_exists(#key)")
          .expressionAttributeNames(names)
          .build();
    }
    names.putAll(Map.of("#model", "model", "#version", "version", "#sha", "sha256"));
    names.put("#order", ResultsTable.ORDER_ATTRIBUTE);
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":version", AttributeValue.fromS(model.version()));
    values.put(":sha", AttributeValue.fromS(model.sha256()));
    String condition =
        "attribute_exists(#key) AND NOT (#model.#version = :version AND #model.#sha = :sha)";
    if (previous.order() == null) {
      condition += " AND attribute_not_exists(#order)";
    } else {
      item.put(ResultsTable.ORDER_ATTRIBUTE, AttributeValue.fromS(previous.order()));
      values.put(":order", AttributeValue.fromS(previous.order()));
      condition += " AND #order = :order";
    }
    return request
        .item(item)
        .conditionExpression(condition)
        .expressionAttributeNames(names)
        .expressionAttributeValues(values)
        .build();
  }

  /**
   * Rewrites the S3 object from the stored item. The item comes with the failed put where the
   * server returns it (DynamoDB does) and is read otherwise (dynalite returns none).
   */
  private void restoreObject(ObjectEvent event, Map<String, AttributeValue> returnedItem) {
    Map<String, AttributeValue> item =
        returnedItem.isEmpty() ? readItem(event.key()) : returnedItem;
    if (!item.isEmpty()) {
      putObject(event, mapper.valueToTree(toResult(item)));
    }
  }

  private Map<String, AttributeValue> readItem(String objectKey) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                b ->
                    b.tableName(config.tableName())
                        .key(Map.of(ResultsTable.KEY_ATTRIBUTE, AttributeValue.fromS(objectKey)))
                        .consistentRead(true))
            .item();
    return item == null ? Map.of() : item;
  }

  private ClassificationResult toResult(Map<String, AttributeValue> item) {
    try {
      return mapper.treeToValue(DynamoDbJson.fromItem(item), ClassificationResult.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "The item of " + item.get(ResultsTable.KEY_ATTRIBUTE) + " is not a result", e);
    }
  }

  private static byte[] toBytes(ObjectNode document) {
    return document.toString().getBytes(StandardCharsets.UTF_8);
  }
}
