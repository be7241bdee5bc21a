package org.imageclassifier.function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The end-to-end scenario against LocalStack's S3 and DynamoDB in a container. JUnit skips the
 * class where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackClassifyTest extends ClassifyScenario {

  // NOTE: this image has not been pulled or run here, because the build machine has no Docker
  // engine; the class is skipped there.
  @Container
  private static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(DockerImageName.parse("localstack/localstack:3.8.1"))
          .withServices(Service.S3, Service.DYNAMODB);

  private static final String BUCKET = "image-uploads";
  private static final String TABLE = "image-classifications";

  private static Endpoints aws;
  private static ClassifyHandler handler;

  @BeforeAll
  static void createResources() {
    aws = new Endpoints(config());
    aws.s3().createBucket(b -> b.bucket(BUCKET));
    aws.dynamoDb().createTable(ResultsTable.createRequest(TABLE));
    handler = new ClassifyHandler(aws.config());
  }

  @AfterAll
  static void closeClients() {
    handler.close();
    aws.s3().close();
    aws.dynamoDb().close();
  }

  private static FunctionConfig config() {
    return new FunctionConfig(
        TABLE,
        FunctionConfig.DEFAULT_RESULTS_PREFIX,
        FunctionConfig.DEFAULT_MAX_OBJECT_BYTES,
        Region.of(LOCALSTACK.getRegion()),
        LOCALSTACK.getEndpoint(),
        LOCALSTACK.getEndpoint(),
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())));
  }

  @Override
  AwsEndpoints aws() {
    return aws;
  }

  @Override
  ClassifyHandler handler() {
    return handler;
  }

  /** Clients for LocalStack, built the way the function builds its own. */
  private record Endpoints(FunctionConfig config, S3Client s3, DynamoDbClient dynamoDb)
      implements AwsEndpoints {

    Endpoints(FunctionConfig config) {
      this(config, AwsClients.s3(config), AwsClients.dynamoDb(config));
    }

    @Override
    public String bucket() {
      return BUCKET;
    }
  }
}
