package org.imageclassifier.training.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.ModelPackage;
import org.imageclassifier.emulators.LocalCredentials;
import org.imageclassifier.emulators.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Publishes model archives through a local S3 server (S3Proxy on 127.0.0.1). */
class S3ModelPublisherTest {

  /** The repository's bundled model folder, a real training job's output. */
  private static final Path MODEL = Path.of("..", "model");

  private static S3ProxyServer server;
  private static S3Client s3;
  private static ModelContract contract;

  private String bucket;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ProxyServer.start();
    s3 =
        S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .endpointOverride(server.endpoint())
            .forcePathStyle(true)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .region(Region.of(LocalCredentials.REGION))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        LocalCredentials.ACCESS_KEY_ID, LocalCredentials.SECRET_ACCESS_KEY)))
            .build();
    contract = ModelPackage.readContract(MODEL.resolve("model.json"));
  }

  @AfterAll
  static void stopServer() {
    s3.close();
    server.close();
  }

  @BeforeEach
  void createBucket() {
    bucket = "models-" + System.nanoTime();
    s3.createBucket(b -> b.bucket(bucket));
  }

  private static Map<String, byte[]> modelFiles() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("./model.json", Files.readAllBytes(MODEL.resolve("model.json")));
    files.put("./model.onnx", Files.readAllBytes(MODEL.resolve("model.onnx")));
    files.put("./report.html", "<!DOCTYPE html><p>report</p>".getBytes());
    return files;
  }

  private S3Location upload(byte[] archive) {
    String key = "training/job-1/output/model.tar.gz";
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(archive));
    return new S3Location(bucket, key);
  }

  private String base() {
    return "models/" + contract.name() + "/" + contract.version() + "/";
  }

  @Test
  void writesFilesUnderNameAndVersion() throws Exception {
    S3Location source = upload(TarWriter.tarGz(modelFiles(), "./"));

    List<String> keys =
        new S3ModelPublisher(s3)
            .publish(source, S3Location.parse("s3://" + bucket + "/models"), false);

    assertThat(keys)
        .containsExactly(base() + "model.onnx", base() + "report.html", base() + "model.json");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key(base() + "model.onnx")).asByteArray())
        .isEqualTo(Files.readAllBytes(MODEL.resolve("model.onnx")));
    assertThat(s3.headObject(b -> b.bucket(bucket).key(base() + "report.html")).contentType())
        .isEqualTo("text/html");
    assertThat(s3.headObject(b -> b.bucket(bucket).key(base() + "model.json")).contentType())
        .isEqualTo("application/json");
  }

  @Test
  void publishedFolderOpensAsModelPackage() throws Exception {
    S3Location source = upload(TarWriter.tarGz(modelFiles()));
    new S3ModelPublisher(s3).publish(source, new S3Location(bucket, "models"), false);
    Path folder = Files.createTempDirectory("published");

    for (S3Object object : s3.listObjectsV2(b -> b.bucket(bucket).prefix(base())).contents()) {
      Path file = folder.resolve(object.key().substring(base().length()));
      Files.write(file, s3.getObjectAsBytes(b -> b.bucket(bucket).key(object.key())).asByteArray());
    }

    assertThat(ModelPackage.open(folder).contract()).isEqualTo(contract);
  }

  @Test
  void existingVersionKeptWithoutReplace() throws Exception {
    S3Location source = upload(TarWriter.tarGz(modelFiles()));
    S3ModelPublisher publisher = new S3ModelPublisher(s3);
    S3Location target = new S3Location(bucket, "models");
    publisher.publish(source, target, false);

    assertThatThrownBy(() -> publisher.publish(source, target, false))
        .isInstanceOf(VersionExistsException.class)
        .hasMessageContaining("s3://" + bucket + "/" + base() + "model.json exists")
        .hasMessageEndingWith("or pass --replace to overwrite it.");
    assertThat(publisher.publish(source, target, true)).hasSize(3);
  }

  @Test
  void checksumMismatchWritesNothing() throws Exception {
    Map<String, byte[]> files = modelFiles();
    byte[] onnx = files.get("./model.onnx").clone();
    onnx[onnx.length - 1] ^= 1;
    files.put("./model.onnx", onnx);
    S3Location source = upload(TarWriter.tarGz(files));

    assertThatThrownBy(
            () -> new S3ModelPublisher(s3).publish(source, new S3Location(bucket, "models"), false))
        .isInstanceOf(ArchiveException.class)
        .hasMessageContaining("the archive is corrupt or mixed from two runs");
    assertThat(s3.listObjectsV2(b -> b.bucket(bucket).prefix("models/")).contents()).isEmpty();
  }

  @Test
  void archiveWithoutContractRejected() throws Exception {
    S3Location source = upload(TarWriter.tarGz(Map.of("model.onnx", new byte[] {1, 2})));

    assertThatThrownBy(
            () -> new S3ModelPublisher(s3).publish(source, new S3Location(bucket, "models"), false))
        .isInstanceOf(ArchiveException.class)
        .hasMessageContaining("The archive has no model.json");
  }

  @Test
  void escapingNameRejected() throws Exception {
    byte[] archive = TarWriter.tarGz(Map.of("../evil.json", new byte[] {1}));

    assertThatThrownBy(() -> TarArchive.read(new ByteArrayInputStream(archive), 1000))
        .isInstanceOf(ArchiveException.class)
        .hasMessageContaining("Invalid file name '../evil.json'");
  }

  @Test
  void oversizedArchiveRejected() throws Exception {
    byte[] archive = TarWriter.tarGz(Map.of("big.bin", new byte[2000]));

    assertThatThrownBy(() -> TarArchive.read(new ByteArrayInputStream(archive), 1000))
        .isInstanceOf(ArchiveException.class)
        .hasMessageContaining("more than 1000 bytes");
  }

  @Test
  void commandLinePublishes() throws Exception {
    S3Location source = upload(TarWriter.tarGz(modelFiles()));
    System.setProperty("aws.accessKeyId", LocalCredentials.ACCESS_KEY_ID);
    System.setProperty("aws.secretAccessKey", LocalCredentials.SECRET_ACCESS_KEY);

    int status =
        PublishModel.run(
            new String[] {
              "--source",
              source.toString(),
              "--target",
              "s3://" + bucket + "/store/",
              "--region",
              LocalCredentials.REGION,
              "--endpoint-url",
              server.endpoint().toString()
            });

    assertThat(status).isZero();
    String key = "store/" + contract.name() + "/" + contract.version() + "/model.json";
    assertThat(s3.headObject(b -> b.bucket(bucket).key(key)).contentLength()).isPositive();
  }

  @Test
  void commandLineRejectsMissingTarget() {
    assertThat(PublishModel.run(new String[] {"--source", "s3://b/k"})).isEqualTo(2);
  }
}
