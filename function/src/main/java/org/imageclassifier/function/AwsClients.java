package org.imageclassifier.function;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the SDK clients, once per execution environment, with the JDK's URL connection HTTP
 * client, the configured region and credentials, and the endpoint overrides. The local demo builds
 * its own clients here too, so they reach the local servers the same way.
 */
public final class AwsClients {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(20);

  private AwsClients() {}

  /**
   * Builds the S3 client. With an endpoint override it uses path-style addressing and computes
   * checksums only where the API requires them, because local S3 servers such as S3Proxy 2.6 reject
   * the trailing checksums that the SDK sends on uploads by default.
   */
  public static S3Client s3(FunctionConfig config) {
    S3ClientBuilder builder =
        S3Client.builder()
            .region(config.region())
            .credentialsProvider(config.credentials())
            .httpClient(httpClient())
            .overrideConfiguration(overrides(config.retry()));
    if (config.s3Endpoint() != null) {
      builder
          .endpointOverride(config.s3Endpoint())
          .forcePathStyle(true)
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    return builder.build();
  }

  /** Builds the DynamoDB client. */
  public static DynamoDbClient dynamoDb(FunctionConfig config) {
    var builder =
        DynamoDbClient.builder()
            .region(config.region())
            .credentialsProvider(config.credentials())
            .httpClient(httpClient())
            .overrideConfiguration(overrides(config.retry()));
    if (config.dynamoDbEndpoint() != null) {
      builder.endpointOverride(config.dynamoDbEndpoint());
    }
    return builder.build();
  }

  /**
   * Returns the retry strategy and timeouts of every client. The strategy is the SDK's standard one
   * with its AWS retry conditions: throttling codes such as SlowDown, ThrottlingException and
   * ProvisionedThroughputExceededException, 5xx statuses, I/O errors and timed-out attempts. It
   * gets the configured attempts and backoff, and keeps the token bucket that stops retries when
   * most calls fail.
   */
  static ClientOverrideConfiguration overrides(SdkRetrySettings retry) {
    RetryStrategy strategy =
        AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(retry.maxAttempts())
            .backoffStrategy(
                BackoffStrategy.exponentialDelay(retry.baseDelay(), retry.maxBackoff()))
            .throttlingBackoffStrategy(
                BackoffStrategy.exponentialDelay(retry.throttlingBaseDelay(), retry.maxBackoff()))
            .build();
    return ClientOverrideConfiguration.builder()
        .retryStrategy(strategy)
        .apiCallAttemptTimeout(retry.attemptTimeout())
        .apiCallTimeout(retry.callTimeout())
        .build();
  }

  private static SdkHttpClient httpClient() {
    return UrlConnectionHttpClient.builder()
        .connectionTimeout(CONNECT_TIMEOUT)
        .socketTimeout(SOCKET_TIMEOUT)
        .build();
  }
}
