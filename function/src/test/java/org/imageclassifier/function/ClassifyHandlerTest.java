package org.imageclassifier.function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The end-to-end scenario against S3Proxy and dynalite on loopback ports. */
@ExtendWith(LocalServers.class)
class ClassifyHandlerTest extends ClassifyScenario {

  private static AwsEndpoints aws;
  private static ClassifyHandler handler;

  @BeforeAll
  static void createHandler(AwsEndpoints endpoints) {
    aws = endpoints;
    handler = new ClassifyHandler(aws.config());
  }

  @AfterAll
  static void closeHandler() {
    handler.close();
  }

  @Override
  AwsEndpoints aws() {
    return aws;
  }

  @Override
  ClassifyHandler handler() {
    return handler;
  }
}
