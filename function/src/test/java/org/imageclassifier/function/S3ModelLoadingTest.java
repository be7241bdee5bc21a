package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.ModelPackage;
import org.imageclassifier.function.ClassificationResult.Status;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Loading the model at init from a folder in S3 (S3Proxy), in the layout that the training job's
 * publish step writes. The results carry that model, and a checksum mismatch or a missing file
 * fails the init. The confidence threshold comes from model.json or the environment.
 */
@ExtendWith(LocalServers.class)
class S3ModelLoadingTest {

  private static final Path MODEL_FOLDER = Path.of("..", "model");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Bucket bucket;
  private static ModelContract contract;
  private static String contractJson;
  private static byte[] onnx;

  @BeforeAll
  static void readModel(AwsEndpoints aws) throws IOException, Exception {
    bucket = Bucket.create(aws, "model-store");
    contract = ModelPackage.readContract(MODEL_FOLDER.resolve(ModelPackage.CONTRACT_FILE));
    contractJson =
        Files.readString(MODEL_FOLDER.resolve(ModelPackage.CONTRACT_FILE), StandardCharsets.UTF_8);
    onnx = Files.readAllBytes(MODEL_FOLDER.resolve(contract.onnx().file()));
  }

  @Test
  void resultsCarryPublishedModel() throws Exception {
    ModelLocation location = publish(folder(contract.version()), contractJson, onnx);

    try (ClassifyHandler handler = handler(location, null)) {
      RecordOutcome outcome = classify(handler, "uploads/from s3 model.png", "9-ankle-boot.png");

      ClassificationResult.ModelInfo model = outcome.result().model();
      assertThat(model.name()).isEqualTo(contract.name());
      assertThat(model.version()).isEqualTo(contract.version());
      assertThat(model.sha256()).isEqualTo(ModelPackage.sha256(MODEL_FOLDER.resolve("model.onnx")));
      assertThat(outcome.result().label()).isEqualTo("Ankle boot");
      assertThat(bucket.resultObject("uploads/from s3 model.png").orElseThrow().get("model"))
          .isNotNull();
    }
  }

  @Test
  void checksumMismatchFailsInit() {
    String tampered = contractJson.replace(contract.onnx().sha256(), "0".repeat(64));
    ModelLocation location = publish(folder("mismatch"), renamed(tampered, "mismatch"), onnx);

    assertThatThrownBy(() -> handler(location, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Checksum mismatch")
        .hasMessageContaining("0".repeat(64));
  }

  @Test
  void missingOnnxFailsInit() {
    ModelLocation location = publish(folder("no-onnx"), renamed(contractJson, "no-onnx"), null);

    assertThatThrownBy(() -> handler(location, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(location + "model.onnx does not exist")
        .hasMessageContaining("PublishModel");
  }

  @Test
  void missingContractFailsInit() {
    ModelLocation location = new ModelLocation(bucket.name(), folder("never-published"));

    assertThatThrownBy(() -> handler(location, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(location + "model.json does not exist");
  }

  @Test
  void folderOfAnotherModelFailsInit() {
    ModelLocation location = publish(folder("other-version"), contractJson, onnx);

    assertThatThrownBy(() -> handler(location, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not of fashion-mnist-cnn version other-version");
  }

  @Test
  void contractThresholdKeepsTopK() throws Exception {
    ModelLocation location = publish(folder("strict"), strict("strict", 0.999999), onnx);

    try (ClassifyHandler handler = handler(location, null)) {
      ClassificationResult result = classifyPhoto(handler, "uploads/strict photo.jpg");

      assertThat(result.status()).isEqualTo(Status.BELOW_THRESHOLD);
      assertThat(result.label()).isNotNull();
      assertThat(result.topK()).hasSize(5);
      assertThat(result.model().version()).isEqualTo("strict");
    }
  }

  @Test
  void environmentThresholdOverridesContract() throws Exception {
    ModelLocation location = publish(folder("override"), strict("override", 0.999999), onnx);

    try (ClassifyHandler handler = handler(location, 0.0)) {
      assertThat(classifyPhoto(handler, "uploads/lenient photo.jpg").status())
          .isEqualTo(Status.CLASSIFIED);
    }
  }

  @Test
  void optionsFromEnvironment() {
    ServingOptions options =
        ServingOptions.fromEnvironment(
            Map.of(
                "MODEL_S3_URI", "s3://models-bucket/models/a/v1", "CONFIDENCE_THRESHOLD", "0.6"));

    assertThat(options.model()).isEqualTo(new ModelLocation("models-bucket", "models/a/v1/"));
    assertThat(options.confidenceThreshold()).isEqualTo(0.6);
    assertThat(ServingOptions.fromEnvironment(Map.of()).model()).isNull();
    assertThatThrownBy(() -> ServingOptions.fromEnvironment(Map.of("CONFIDENCE_THRESHOLD", "1.5")))
        .hasMessageContaining("CONFIDENCE_THRESHOLD must be a number from 0 to 1, was '1.5'");
    assertThatThrownBy(() -> ServingOptions.fromEnvironment(Map.of("MODEL_S3_URI", "models/a")))
        .hasMessageContaining("s3://<bucket>/models/<name>/<version>/");
  }

  private static String folder(String version) {
    return "models/" + contract.name() + "/" + version + "/";
  }

  /** Returns model.json with another version, so that it fits a folder of that name. */
  private static String renamed(String json, String version) {
    return withField(json, "version", version);
  }

  /** Returns model.json with another version and confidence threshold. */
  private static String strict(String version, double threshold) {
    return withField(renamed(contractJson, version), "confidenceThreshold", threshold);
  }

  private static String withField(String json, String field, Object value) {
    try {
      ObjectNode node = (ObjectNode) MAPPER.readTree(json);
      node.set(field, MAPPER.valueToTree(value));
      return MAPPER.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ModelLocation publish(String prefix, String json, byte[] model) {
    if (model != null) {
      bucket
          .aws()
          .s3()
          .putObject(
              b -> b.bucket(bucket.name()).key(prefix + "model.onnx"),
              RequestBody.fromBytes(model));
    }
    bucket
        .aws()
        .s3()
        .putObject(
            b -> b.bucket(bucket.name()).key(prefix + "model.json"),
            RequestBody.fromString(json, StandardCharsets.UTF_8));
    return new ModelLocation(bucket.name(), prefix);
  }

  private static ClassifyHandler handler(ModelLocation location, Double threshold) {
    RecordTelemetry telemetry = new RecordTelemetry("ImageClassifier", "test", "test", line -> {});
    return new ClassifyHandler(bucket.config(), new ServingOptions(location, threshold, telemetry));
  }

  private static RecordOutcome classify(ClassifyHandler handler, String key, String file) {
    byte[] image = Bucket.resource("fashion-mnist/" + file);
    return handler
        .handleRequest(bucket.putAndNotify(key, image), Bucket.context())
        .records()
        .getFirst();
  }

  private static ClassificationResult classifyPhoto(ClassifyHandler handler, String key) {
    byte[] photo = SnapStartPriming.images().get(0);
    return handler
        .handleRequest(bucket.putAndNotify(key, photo), Bucket.context())
        .records()
        .getFirst()
        .result();
  }
}
