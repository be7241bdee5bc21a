package org.imageclassifier.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ProxyServerTest {

  private static S3ProxyServer server;
  private static S3Client s3;

  @BeforeAll
  static void startServer() {
    server = S3ProxyServer.start();
    s3 = LocalClients.s3(server.endpoint(), LocalCredentials.SECRET_ACCESS_KEY);
    s3.createBucket(b -> b.bucket("emulator-test"));
  }

  @AfterAll
  static void stopServer() {
    s3.close();
    server.close();
  }

  @Test
  void endpointIsLoopback() {
    assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
    assertThat(server.endpoint().getPort()).isPositive();
  }

  @Test
  void putThenGetReturnsSameBytes() {
    byte[] content = "object with spaces + plus".getBytes(StandardCharsets.UTF_8);
    String key = "uploads/this im + age.txt";

    s3.putObject(b -> b.bucket("emulator-test").key(key), RequestBody.fromBytes(content));

    assertThat(s3.getObjectAsBytes(b -> b.bucket("emulator-test").key(key)).asByteArray())
        .isEqualTo(content);
    HeadObjectResponse head = s3.headObject(b -> b.bucket("emulator-test").key(key));
    assertThat(head.contentLength()).isEqualTo(content.length);
    assertThat(head.eTag()).isNotBlank();
  }

  @Test
  void missingKeyRaisesNoSuchKey() {
    assertThatThrownBy(() -> s3.getObject(b -> b.bucket("emulator-test").key("absent")))
        .isInstanceOf(NoSuchKeyException.class);
  }

  @Test
  void wrongSecretIsRejected() {
    try (S3Client wrongKey = LocalClients.s3(server.endpoint(), "not-the-secret")) {
      assertThatThrownBy(() -> wrongKey.listBuckets())
          .isInstanceOfSatisfying(
              S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }
  }
}
