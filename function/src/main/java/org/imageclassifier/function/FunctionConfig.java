package org.imageclassifier.function;

import java.net.URI;
import java.util.Map;
import org.imageclassifier.core.image.PixelBudget;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Settings of the classify function, read once per execution environment.
 *
 * @param tableName DynamoDB table that stores one item per object key
 * @param resultsPrefix key prefix of the result objects in the source bucket, ending in {@code /};
 *     objects under it are never classified
 * @param maxObjectBytes largest object that is downloaded, in bytes; larger objects are recorded as
 *     FAILED with {@code OBJECT_TOO_LARGE}
 * @param region AWS region of the bucket and the table
 * @param s3Endpoint S3 endpoint override, or null for the AWS endpoint of the region
 * @param dynamoDbEndpoint DynamoDB endpoint override, or null for the AWS endpoint of the region
 * @param credentials where the SDK clients get credentials
 * @param retry how the SDK clients retry and time out each call
 * @param pixelBudget the largest image per format that is decoded, see {@link MemoryBudget}
 */
public record FunctionConfig(
    String tableName,
    String resultsPrefix,
    long maxObjectBytes,
    Region region,
    URI s3Endpoint,
    URI dynamoDbEndpoint,
    AwsCredentialsProvider credentials,
    SdkRetrySettings retry,
    PixelBudget pixelBudget) {

  /** Environment variable with the DynamoDB table name (required). */
  public static final String TABLE_NAME_VARIABLE = "RESULTS_TABLE";

  /** Environment variable with the results prefix, default {@value #DEFAULT_RESULTS_PREFIX}. */
  public static final String RESULTS_PREFIX_VARIABLE = "RESULTS_PREFIX";

  /** Environment variable with the object size limit in bytes, default 20 MiB. */
  public static final String MAX_OBJECT_BYTES_VARIABLE = "MAX_OBJECT_BYTES";

  /** Environment variable with the region, set by the Lambda runtime. */
  public static final String REGION_VARIABLE = "AWS_REGION";

  /** Environment variable with an S3 endpoint override, as the AWS SDKs name it. */
  public static final String S3_ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_S3";

  /** Environment variable with a DynamoDB endpoint override, as the AWS SDKs name it. */
  public static final String DYNAMODB_ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_DYNAMODB";

  /** Default key prefix of the result objects. */
  public static final String DEFAULT_RESULTS_PREFIX = "results/";

  /**
   * Default object size limit: 20 MiB, above the largest phone camera JPEGs and small enough to
   * hold in a 1024 MB function next to the model.
   */
  public static final long DEFAULT_MAX_OBJECT_BYTES = 20L * 1024 * 1024;

  /** Creates a configuration and checks every field. */
  public FunctionConfig {
    requireText(tableName, "tableName");
    requireText(resultsPrefix, "resultsPrefix");
    if (!resultsPrefix.endsWith("/")) {
      throw new IllegalArgumentException(
          "resultsPrefix must end with '/', was '" + resultsPrefix + "'");
    }
    if (maxObjectBytes <= 0) {
      throw new IllegalArgumentException("maxObjectBytes must be positive, was " + maxObjectBytes);
    }
    if (region == null || credentials == null || retry == null || pixelBudget == null) {
      throw new IllegalArgumentException(
          "region, credentials, retry and pixelBudget must not be null");
    }
  }

  /**
   * Creates a configuration with the {@linkplain SdkRetrySettings#DEFAULT default retry settings}
   * and the pixel budget of this JVM's heap.
   */
  public FunctionConfig(
      String tableName,
      String resultsPrefix,
      long maxObjectBytes,
      Region region,
      URI s3Endpoint,
      URI dynamoDbEndpoint,
      AwsCredentialsProvider credentials) {
    this(
        tableName,
        resultsPrefix,
        maxObjectBytes,
        region,
        s3Endpoint,
        dynamoDbEndpoint,
        credentials,
        SdkRetrySettings.DEFAULT,
        MemoryBudget.pixelBudget(Map.of(), maxObjectBytes));
  }

  /**
   * Reads the configuration from environment variables. Credentials come from the variables that
   * the Lambda runtime sets ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code
   * AWS_SESSION_TOKEN}) or, where those are absent, from the container credentials endpoint ({@code
   * AWS_CONTAINER_CREDENTIALS_FULL_URI}), which is what Lambda provides to functions with
   * SnapStart.
   *
   * @param environment the variables, normally {@link System#getenv()}
   * @throws IllegalArgumentException naming the variable that is missing or invalid
   */
  public static FunctionConfig fromEnvironment(Map<String, String> environment) {
    long maxObjectBytes = maxObjectBytes(environment);
    return new FunctionConfig(
        required(environment, TABLE_NAME_VARIABLE),
        environment.getOrDefault(RESULTS_PREFIX_VARIABLE, DEFAULT_RESULTS_PREFIX),
        maxObjectBytes,
        Region.of(required(environment, REGION_VARIABLE)),
        endpoint(environment, S3_ENDPOINT_VARIABLE),
        endpoint(environment, DYNAMODB_ENDPOINT_VARIABLE),
        lambdaCredentials(),
        SdkRetrySettings.fromEnvironment(environment),
        MemoryBudget.pixelBudget(environment, maxObjectBytes));
  }

  /** Returns this configuration with other retry settings. */
  public FunctionConfig withRetry(SdkRetrySettings settings) {
    return new FunctionConfig(
        tableName,
        resultsPrefix,
        maxObjectBytes,
        region,
        s3Endpoint,
        dynamoDbEndpoint,
        credentials,
        settings,
        pixelBudget);
  }

  /** Returns this configuration with other S3 and DynamoDB endpoints. */
  public FunctionConfig withEndpoints(URI s3, URI dynamoDb) {
    return new FunctionConfig(
        tableName,
        resultsPrefix,
        maxObjectBytes,
        region,
        s3,
        dynamoDb,
        credentials,
        retry,
        pixelBudget);
  }

  /** Returns the key of the result object for an object key: the prefix, the key and ".json". */
  public String resultKey(String objectKey) {
    return resultsPrefix + objectKey + ".json";
  }

  private static AwsCredentialsProvider lambdaCredentials() {
    return AwsCredentialsProviderChain.of(
        EnvironmentVariableCredentialsProvider.create(), ContainerCredentialsProvider.create());
  }

  private static String required(Map<String, String> environment, String name) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "Environment variable " + name + " is missing. Set it in the function's configuration");
    }
    return value;
  }

  private static long maxObjectBytes(Map<String, String> environment) {
    String value = environment.get(MAX_OBJECT_BYTES_VARIABLE);
    if (value == null || value.isBlank()) {
      return DEFAULT_MAX_OBJECT_BYTES;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "%s must be a whole number of bytes, was '%s'. Set it to a value such as 20971520"
              .formatted(MAX_OBJECT_BYTES_VARIABLE, value),
          e);
    }
  }

  private static URI endpoint(Map<String, String> environment, String name) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    URI uri = URI.create(value.strip());
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "%s must be an absolute URL such as http://127.0.0.1:4566, was '%s'"
              .formatted(name, value));
    }
    return uri;
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank, was '" + value + "'");
    }
  }
}
