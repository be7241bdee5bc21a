package org.imageclassifier.function;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.imageclassifier.emulators.LocalLambdaContext;
import org.imageclassifier.emulators.S3Notifications;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * A bucket and a results table of one test class on the shared local servers, so that results that
 * other test classes store cannot change what the class reads.
 *
 * @param aws the shared servers and their clients
 * @param config the function configuration for this bucket's table
 * @param name the bucket name
 */
record Bucket(AwsEndpoints aws, FunctionConfig config, String name) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Creates the bucket and a table with the same name on the shared servers. */
  static Bucket create(AwsEndpoints aws, String name) {
    aws.s3().createBucket(b -> b.bucket(name));
    aws.dynamoDb().createTable(ResultsTable.createRequest(name));
    return new Bucket(aws, configFor(aws, name), name);
  }

  /** Returns the shared servers' function configuration with another results table. */
  static FunctionConfig configFor(AwsEndpoints aws, String table) {
    FunctionConfig shared = aws.config();
    return new FunctionConfig(
        table,
        shared.resultsPrefix(),
        shared.maxObjectBytes(),
        shared.region(),
        shared.s3Endpoint(),
        shared.dynamoDbEndpoint(),
        shared.credentials());
  }

  /** Uploads an object and returns the S3 event that S3 would send for it. */
  S3Event putAndNotify(String key, byte[] bytes) {
    PutObjectResponse response =
        aws.s3().putObject(b -> b.bucket(name).key(key), RequestBody.fromBytes(bytes));
    return S3Notifications.objectCreated(
        name,
        key,
        bytes.length,
        S3Notifications.unquoteETag(response.eTag()),
        response.versionId(),
        S3Notifications.nextSequencer());
  }

  /** Returns the stored result object of a key, or empty when there is none. */
  Optional<JsonNode> resultObject(String key) {
    try {
      byte[] bytes =
          aws.s3().getObjectAsBytes(b -> b.bucket(name).key(config.resultKey(key))).asByteArray();
      return Optional.of(MAPPER.readTree(bytes));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the DynamoDB item of a key as JSON, or empty when there is none. */
  Optional<ObjectNode> item(String key) {
    Map<String, AttributeValue> item =
        aws.dynamoDb()
            .getItem(
                b ->
                    b.tableName(name)
                        .key(Map.of(ResultsTable.KEY_ATTRIBUTE, AttributeValue.fromS(key)))
                        .consistentRead(true))
            .item();
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.of(DynamoDbJson.fromItem(item));
  }

  /** Returns the DynamoDB item of a key without the key and order attributes, as stored in S3. */
  Optional<ObjectNode> itemDocument(String key) {
    return item(key)
        .map(
            item -> {
              item.remove(ResultsTable.KEY_ATTRIBUTE);
              item.remove(ResultsTable.ORDER_ATTRIBUTE);
              return item;
            });
  }

  /**
   * Returns the result object and the DynamoDB item of a key as results, to compare the two copies
   * by value: the item stores a number such as 28.0 as 28.
   */
  List<ClassificationResult> storedCopies(String key) {
    try {
      return List.of(
          MAPPER.treeToValue(resultObject(key).orElseThrow(), ClassificationResult.class),
          MAPPER.treeToValue(itemDocument(key).orElseThrow(), ClassificationResult.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns how many items have the key, counted by a scan so that duplicates would show. */
  int itemsWithKey(String key) {
    return aws.dynamoDb()
        .scan(
            b ->
                b.tableName(name)
                    .filterExpression("#key = :key")
                    .expressionAttributeNames(Map.of("#key", ResultsTable.KEY_ATTRIBUTE))
                    .expressionAttributeValues(Map.of(":key", AttributeValue.fromS(key))))
        .count();
  }

  /** Reads a test resource, such as {@code fashion-mnist/9-ankle-boot.png}. */
  static byte[] resource(String name) {
    try (InputStream in = Bucket.class.getClassLoader().getResourceAsStream(name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns how many items the table holds. */
  int itemCount() {
    return aws.dynamoDb().scan(b -> b.tableName(name)).count();
  }

  /** Returns how many result objects the bucket holds. */
  int resultObjectCount() {
    return aws.s3().listObjectsV2(b -> b.bucket(name).prefix(config.resultsPrefix())).keyCount();
  }

  /** Returns a Lambda context for one invocation. */
  static LocalLambdaContext context() {
    return new LocalLambdaContext("classify-images", 1024, Duration.ofMinutes(1));
  }
}
