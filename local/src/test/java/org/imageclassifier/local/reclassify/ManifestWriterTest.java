package org.imageclassifier.local.reclassify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.imageclassifier.emulators.LocalCredentials;
import org.imageclassifier.emulators.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The manifest of a reclassify job, written against S3Proxy: every object under the prefix, over
 * several ListObjectsV2 pages, without folder markers and result objects, with URL-encoded keys.
 */
class ManifestWriterTest {

  private static final String BUCKET = "manifest-uploads";

  private static S3ProxyServer server;
  private static S3Client s3;

  @BeforeAll
  static void startServer() {
    server = S3ProxyServer.start();
    s3 =
        S3Client.builder()
            .region(Region.of(LocalCredentials.REGION))
            .endpointOverride(server.endpoint())
            .forcePathStyle(true)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        LocalCredentials.ACCESS_KEY_ID, LocalCredentials.SECRET_ACCESS_KEY)))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    s3.createBucket(b -> b.bucket(BUCKET));
    for (int i = 0; i < 1_005; i++) {
      put("uploads/batch/%04d.png".formatted(i));
    }
    put("uploads/a b+c.png");
    put("uploads/folder/");
    put("results/uploads/a b+c.png.json");
    put("other/x.png");
  }

  @AfterAll
  static void stopServer() {
    s3.close();
    server.close();
  }

  @Test
  void listsEveryObjectUnderPrefix() throws Exception {
    Manifest manifest =
        new ManifestWriter(s3)
            .write(BUCKET, "uploads/", "results/", BUCKET, "batch/manifests/a.csv");

    List<String> lines = read(manifest.key());
    assertThat(manifest.objects()).isEqualTo(1_006);
    assertThat(lines).hasSize(1_006);
    assertThat(lines)
        .contains(BUCKET + ",uploads/batch/0000.png", BUCKET + ",uploads/batch/1004.png");
    assertThat(lines).contains(BUCKET + ",uploads/a%20b%2Bc.png");
    assertThat(lines).noneMatch(line -> line.endsWith("/"));
    assertThat(lines).noneMatch(line -> line.contains("other/"));
    assertThat(manifest.eTag()).isNotBlank().doesNotContain("\"");
    assertThat(manifest.objectArn("aws"))
        .isEqualTo("arn:aws:s3:::" + BUCKET + "/batch/manifests/a.csv");
  }

  @Test
  void wholeBucketSkipsResults() throws Exception {
    Manifest manifest =
        new ManifestWriter(s3).write(BUCKET, "", "results/", BUCKET, "batch/manifests/all.csv");

    List<String> lines = read(manifest.key());
    assertThat(lines).contains(BUCKET + ",other/x.png");
    assertThat(lines).noneMatch(line -> line.contains(",results/"));
    assertThat(lines).noneMatch(line -> line.contains("batch/manifests"));
  }

  @Test
  void dryRunWritesManifestOnly() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = {
      "--bucket",
      BUCKET,
      "--prefix",
      "uploads/batch/",
      "--account-id",
      "123456789012",
      "--function-arn",
      "arn:aws:lambda:us-east-1:123456789012:function:reclassify:live",
      "--role-arn",
      "arn:aws:iam::123456789012:role/batch",
      "--region",
      "us-east-1",
      "--endpoint-url",
      server.endpoint().toString(),
      "--manifest-key",
      "batch/manifests/dry.csv",
      "--dry-run"
    };

    // The command reads credentials from the SDK's default chain, which includes these properties.
    System.setProperty("aws.accessKeyId", LocalCredentials.ACCESS_KEY_ID);
    System.setProperty("aws.secretAccessKey", LocalCredentials.SECRET_ACCESS_KEY);
    int status;
    try {
      status =
          Reclassify.run(
              args,
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(printed).contains("lists 1005 objects").contains("Dry run, no job started");
    assertThat(printed).contains("arn:aws:lambda:us-east-1:123456789012:function:reclassify:live");
    assertThat(read("batch/manifests/dry.csv")).hasSize(1_005);
  }

  private static List<String> read(String key) {
    return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String().lines().toList();
  }

  private static void put(String key) {
    s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("x"));
  }
}
