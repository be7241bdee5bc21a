package org.imageclassifier.emulators;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** SDK clients for the local servers, signed with the given key pair. */
final class LocalClients {

  private LocalClients() {}

  static S3Client s3(URI endpoint, String secretAccessKey) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .region(Region.of(LocalCredentials.REGION))
        .credentialsProvider(credentials(secretAccessKey))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  static DynamoDbClient dynamoDb(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(LocalCredentials.REGION))
        .credentialsProvider(credentials(LocalCredentials.SECRET_ACCESS_KEY))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  private static StaticCredentialsProvider credentials(String secretAccessKey) {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(LocalCredentials.ACCESS_KEY_ID, secretAccessKey));
  }
}
