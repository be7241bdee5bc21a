package org.imageclassifier.emulators;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** SDK clients for the local servers, signed with the given key pair. */
final class LocalClients {

  private static final int SDK_DEFAULT_ATTEMPTS = 3;
  private static final Duration NO_TIMEOUT = Duration.ofMinutes(5);

  private LocalClients() {}

  static S3Client s3(URI endpoint, String secretAccessKey) {
    return s3(endpoint, secretAccessKey, SDK_DEFAULT_ATTEMPTS);
  }

  /** Returns an S3 client that makes at most {@code attempts} attempts per call. */
  static S3Client s3(URI endpoint, String secretAccessKey, int attempts) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .region(Region.of(LocalCredentials.REGION))
        .credentialsProvider(credentials(secretAccessKey))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(overrides(attempts, NO_TIMEOUT))
        .build();
  }

  static DynamoDbClient dynamoDb(URI endpoint) {
    return dynamoDb(endpoint, SDK_DEFAULT_ATTEMPTS);
  }

  /** Returns a DynamoDB client that makes at most {@code attempts} attempts per call. */
  static DynamoDbClient dynamoDb(URI endpoint, int attempts) {
    return dynamoDb(endpoint, attempts, NO_TIMEOUT);
  }

  /** Returns a DynamoDB client whose attempts time out after {@code attemptTimeout}. */
  static DynamoDbClient dynamoDb(URI endpoint, int attempts, Duration attemptTimeout) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(LocalCredentials.REGION))
        .credentialsProvider(credentials(LocalCredentials.SECRET_ACCESS_KEY))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(overrides(attempts, attemptTimeout))
        .build();
  }

  private static ClientOverrideConfiguration overrides(int attempts, Duration attemptTimeout) {
    return ClientOverrideConfiguration.builder()
        .retryStrategy(
            AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(attempts).build())
        .apiCallAttemptTimeout(attemptTimeout)
        .build();
  }

  private static StaticCredentialsProvider credentials(String secretAccessKey) {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(LocalCredentials.ACCESS_KEY_ID, secretAccessKey));
  }
}
