package org.imageclassifier.function;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** S3 and DynamoDB servers that a test runs against, with a bucket and a results table. */
public interface AwsEndpoints {

  /** Returns the function configuration that points at these servers. */
  FunctionConfig config();

  /** Returns an S3 client for the test's own requests. */
  S3Client s3();

  /** Returns a DynamoDB client for the test's own requests. */
  DynamoDbClient dynamoDb();

  /** Returns the bucket that receives uploads and results. */
  String bucket();
}
