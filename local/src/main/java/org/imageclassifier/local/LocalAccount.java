package org.imageclassifier.local;

import java.net.URI;
import org.imageclassifier.emulators.LocalCredentials;
import org.imageclassifier.function.AwsClients;
import org.imageclassifier.function.FunctionConfig;
import org.imageclassifier.function.ResultsTable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The demo's bucket and results table on the local servers, the function configuration that points
 * at them, and SDK clients for the demo's own uploads.
 */
final class LocalAccount implements AutoCloseable {

  /** Bucket that receives the samples under uploads/ and the results under results/. */
  static final String BUCKET = "image-uploads";

  /** DynamoDB table of results, with the key schema of template.yaml. */
  static final String TABLE = "image-classifications";

  private final FunctionConfig config;
  private final S3Client s3;
  private final DynamoDbClient dynamoDb;

  private LocalAccount(FunctionConfig config) {
    this.config = config;
    this.s3 = AwsClients.s3(config);
    this.dynamoDb = AwsClients.dynamoDb(config);
  }

  /** Creates the bucket and the table on the servers at the given endpoints. */
  static LocalAccount create(URI s3Endpoint, URI dynamoDbEndpoint) {
    LocalAccount account = new LocalAccount(config(s3Endpoint, dynamoDbEndpoint));
    account.s3.createBucket(b -> b.bucket(BUCKET));
    account.dynamoDb.createTable(ResultsTable.createRequest(TABLE));
    return account;
  }

  private static FunctionConfig config(URI s3Endpoint, URI dynamoDbEndpoint) {
    return new FunctionConfig(
        TABLE,
        FunctionConfig.DEFAULT_RESULTS_PREFIX,
        FunctionConfig.DEFAULT_MAX_OBJECT_BYTES,
        Region.of(LocalCredentials.REGION),
        s3Endpoint,
        dynamoDbEndpoint,
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(
                LocalCredentials.ACCESS_KEY_ID, LocalCredentials.SECRET_ACCESS_KEY)));
  }

  /** Returns the configuration that the handler runs with. */
  FunctionConfig config() {
    return config;
  }

  /** Returns the client for uploads. */
  S3Client s3() {
    return s3;
  }

  /** Returns the client for reading the results table. */
  DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  @Override
  public void close() {
    s3.close();
    dynamoDb.close();
  }
}
