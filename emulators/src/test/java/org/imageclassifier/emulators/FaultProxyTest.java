package org.imageclassifier.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The proxy between SDK clients without retries and S3Proxy and dynalite. */
class FaultProxyTest {

  private static final String BUCKET = "fault-proxy-test";
  private static final String TABLE = "fault-items";

  private static S3ProxyServer s3Server;
  private static DynaliteServer dynamoDbServer;
  private static FaultProxy s3Proxy;
  private static FaultProxy dynamoDbProxy;
  private static S3Client s3;
  private static DynamoDbClient dynamoDb;

  @BeforeAll
  static void startServers() throws IOException {
    s3Server = S3ProxyServer.start();
    dynamoDbServer = DynaliteServer.start();
    s3Proxy = FaultProxy.start(s3Server.endpoint());
    dynamoDbProxy = FaultProxy.start(dynamoDbServer.endpoint());
    s3 = LocalClients.s3(s3Proxy.endpoint(), LocalCredentials.SECRET_ACCESS_KEY, 1);
    dynamoDb = LocalClients.dynamoDb(dynamoDbProxy.endpoint(), 1);
    s3.createBucket(b -> b.bucket(BUCKET));
    dynamoDb.createTable(
        b ->
            b.tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
  }

  @AfterAll
  static void stopServers() {
    s3.close();
    dynamoDb.close();
    s3Proxy.close();
    dynamoDbProxy.close();
    dynamoDbServer.close();
    s3Server.close();
  }

  @AfterEach
  void clearFaults() {
    s3Proxy.clearFaults();
    dynamoDbProxy.clearFaults();
  }

  @Test
  void signedRequestsPassThrough() {
    byte[] content = "through the proxy".getBytes(StandardCharsets.UTF_8);

    s3.putObject(b -> b.bucket(BUCKET).key("uploads/a b+c.txt"), RequestBody.fromBytes(content));
    byte[] read = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("uploads/a b+c.txt")).asByteArray();
    dynamoDb.putItem(b -> b.tableName(TABLE).item(Map.of("id", AttributeValue.fromS("a"))));

    assertThat(read).isEqualTo(content);
    assertThat(dynamoDbProxy.count(RequestHead.dynamoDb("PutItem"))).isEqualTo(1);
    assertThat(s3Proxy.count(RequestHead.s3("GET", BUCKET, "uploads/a b+c"))).isEqualTo(1);
  }

  @Test
  void s3SlowDownReachesClient() {
    s3Proxy.inject(RequestHead.s3("PUT", BUCKET, "slow/"), 1, Fault.s3SlowDown());

    assertThatThrownBy(
            () -> s3.putObject(b -> b.bucket(BUCKET).key("slow/x"), RequestBody.fromString("x")))
        .isInstanceOfSatisfying(
            S3Exception.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(503);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SlowDown");
            });
    s3.putObject(b -> b.bucket(BUCKET).key("slow/x"), RequestBody.fromString("x"));
    assertThat(s3.headObject(b -> b.bucket(BUCKET).key("slow/x")).contentLength()).isEqualTo(1);
  }

  @Test
  void dynamoDbThrottlingIsThrottling() {
    dynamoDbProxy.inject(RequestHead.dynamoDb("GetItem"), 1, Fault.provisionedThroughputExceeded());

    assertThatThrownBy(
            () ->
                dynamoDb.getItem(
                    b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("a")))))
        .isInstanceOfSatisfying(
            DynamoDbException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.isThrottlingException()).isTrue();
            });
  }

  @Test
  void stallTimesOutClient() {
    dynamoDbProxy.inject(
        RequestHead.dynamoDb("DescribeTable"), 1, new Fault.Stall(Duration.ofSeconds(5)));

    try (DynamoDbClient impatient =
        LocalClients.dynamoDb(dynamoDbProxy.endpoint(), 1, Duration.ofMillis(300))) {
      assertThatThrownBy(() -> impatient.describeTable(b -> b.tableName(TABLE)))
          .isInstanceOf(SdkClientException.class);
    }
    assertThat(dynamoDb.describeTable(b -> b.tableName(TABLE)).table().tableName())
        .isEqualTo(TABLE);
  }

  @Test
  void throttledResponseArrivesWhole() {
    byte[] content = new byte[3000];
    Arrays.fill(content, (byte) 'x');
    s3.putObject(b -> b.bucket(BUCKET).key("slow/body"), RequestBody.fromBytes(content));
    s3Proxy.inject(RequestHead.s3("GET", BUCKET, "slow/body"), 1, new Fault.Throttle(10_000));

    byte[] read = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("slow/body")).asByteArray();

    assertThat(read).isEqualTo(content);
  }

  @Test
  void faultsRunOut() {
    dynamoDbProxy.inject(RequestHead.dynamoDb("PutItem"), 2, Fault.dynamoDbInternalError());
    Runnable put =
        () ->
            dynamoDb.putItem(b -> b.tableName(TABLE).item(Map.of("id", AttributeValue.fromS("b"))));

    assertThatThrownBy(put::run).isInstanceOf(DynamoDbException.class);
    assertThatThrownBy(put::run).isInstanceOf(DynamoDbException.class);
    put.run();
    assertThat(
            dynamoDb
                .getItem(b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("b"))))
                .hasItem())
        .isTrue();
  }
}
