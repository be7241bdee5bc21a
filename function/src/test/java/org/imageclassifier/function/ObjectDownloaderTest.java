package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.imageclassifier.function.ObjectDownloader.Download;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

@ExtendWith(LocalServers.class)
class ObjectDownloaderTest {

  private static final byte[] CONTENT = "0123456789".getBytes(StandardCharsets.US_ASCII);

  private static AwsEndpoints aws;

  @BeforeAll
  static void upload(AwsEndpoints endpoints) {
    aws = endpoints;
    aws.s3()
        .putObject(
            b -> b.bucket(aws.bucket()).key("uploads/ten bytes.bin"),
            RequestBody.fromBytes(CONTENT));
  }

  @Test
  void downloadReturnsContentAndSource() throws PermanentFailureException {
    Download download = new ObjectDownloader(aws.s3(), 10).download(event(null));

    assertThat(download.bytes()).isEqualTo(CONTENT);
    assertThat(download.source().size()).isEqualTo(10L);
    assertThat(download.source().eTag()).isEqualTo("781e5e245d69b566979b86e28d23f2c7");
    assertThat(download.source().key()).isEqualTo("uploads/ten bytes.bin");
    assertThat(download.millis()).isNotNegative();
  }

  @Test
  void eventSizeAboveLimitFailsBeforeRequest() {
    // The bucket does not exist, so a request would fail with OBJECT_NOT_FOUND instead.
    ObjectEvent event =
        new ObjectEvent("ObjectCreated:Put", "no-such-bucket", "uploads/x", 11L, null, null, "01");

    assertThatThrownBy(() -> new ObjectDownloader(aws.s3(), 10).download(event))
        .isInstanceOfSatisfying(
            PermanentFailureException.class,
            e -> assertThat(e.code()).isEqualTo(PermanentFailureException.OBJECT_TOO_LARGE));
  }

  @Test
  void contentLengthAboveLimitFails() {
    assertThatThrownBy(() -> new ObjectDownloader(aws.s3(), 9).download(event(null)))
        .isInstanceOfSatisfying(
            PermanentFailureException.class,
            e -> {
              assertThat(e.code()).isEqualTo(PermanentFailureException.OBJECT_TOO_LARGE);
              assertThat(e.getMessage()).contains("10 bytes").contains("limit of 9 bytes");
            });
  }

  @Test
  void deletedObjectIsNotFound() {
    ObjectEvent event =
        new ObjectEvent(
            "ObjectCreated:Put", aws.bucket(), "uploads/deleted.png", 3L, null, null, "01");

    assertThatThrownBy(() -> new ObjectDownloader(aws.s3(), 10).download(event))
        .isInstanceOfSatisfying(
            PermanentFailureException.class,
            e -> assertThat(e.code()).isEqualTo(PermanentFailureException.OBJECT_NOT_FOUND));
  }

  private static ObjectEvent event(Long size) {
    return new ObjectEvent(
        "ObjectCreated:Put", aws.bucket(), "uploads/ten bytes.bin", size, null, null, "01");
  }
}
