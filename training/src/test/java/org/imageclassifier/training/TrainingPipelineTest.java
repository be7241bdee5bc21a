package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.imageclassifier.core.model.Activation;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.ModelPackage;
import org.imageclassifier.core.model.OnnxPredictor;
import org.imageclassifier.core.model.TensorBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains the CNN once on the committed subset (2,000 training images, 3 epochs) and checks the
 * network, its ONNX export and the parity check against it.
 */
class TrainingPipelineTest {

  private static final NetworkSpec SPEC = NetworkSpec.fashionMnistCnn();
  private static final Instant START = Instant.parse("2026-12-04T16:30:00Z");

  private static JobOptions options;
  private static PreparedData data;
  private static TrainedNetwork network;
  private static Evaluation test;

  @TempDir Path temp;

  @BeforeAll
  static void trainOnSubset() throws IOException {
    System.setProperty("ai.djl.offline", "true");
    options = subsetOptions("--epochs", "3", "--parity-images", "500");
    data = TrainingPipeline.prepare(SPEC, options);
    network = TrainingPipeline.train(SPEC, data, options.hyperparameters());
    test = network.evaluate(data.test());
  }

  @AfterAll
  static void closeNetwork() {
    network.close();
  }

  @Test
  void networkBeatsChanceOnHeldOutImages() {
    assertThat(data.test().count()).isEqualTo(TestData.TEST_IMAGES);
    assertThat(test.accuracy()).isGreaterThanOrEqualTo(0.6);
  }

  @Test
  void historyHasOneEntryPerEpoch() {
    assertThat(network.history()).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3);
    assertThat(network.history().getLast().testAccuracy()).isEqualTo(test.accuracy());
    assertThat(network.history().getLast().trainLoss())
        .isLessThan(network.history().getFirst().trainLoss());
  }

  @Test
  void parameterCountMatchesArchitecture() {
    long conv1 = 32 * 9 + 32;
    long conv2 = 64 * 32 * 9 + 64;
    long dense = 10 * 64 * 7 * 7 + 10;

    assertThat(network.parameterCount()).isEqualTo(conv1 + conv2 + dense);
  }

  @Test
  void publishedModelPassesParity() throws Exception {
    Path output = temp.resolve("model");

    ParityReport report = publish(export(), output);

    assertThat(report.passed()).isTrue();
    assertThat(report.images()).isEqualTo(TestData.TEST_IMAGES);
    assertThat(report.argmaxMismatches()).isZero();
    assertThat(report.maxAbsDifference()).isLessThanOrEqualTo(ParityCheck.DEFAULT_TOLERANCE);
    assertThat(output).isDirectoryContaining("glob:**/model.onnx");
    assertThat(output).isDirectoryContaining("glob:**/model.json");
    assertThat(stagingFolders()).isEmpty();
  }

  @Test
  void publishedModelServesThroughCore() throws Exception {
    Path output = temp.resolve("model");
    publish(export(), output);

    ModelPackage opened = ModelPackage.open(output);
    float[][] probabilities;
    try (OnnxPredictor predictor = OnnxPredictor.load(opened)) {
      probabilities = predictor.predict(new TensorBatch(data.test().data(), data.test().count()));
    }

    float[][] logits = network.logits(data.test());
    int correct = 0;
    for (int i = 0; i < probabilities.length; i++) {
      assertThat(sum(probabilities[i])).isCloseTo(1.0, within(1e-5));
      assertThat(Metrics.argmax(probabilities[i])).isEqualTo(Metrics.argmax(logits[i]));
      correct += Metrics.argmax(probabilities[i]) == data.test().labels()[i] ? 1 : 0;
    }
    assertThat((double) correct / probabilities.length).isEqualTo(test.accuracy());
  }

  @Test
  void contractDescribesModel() throws Exception {
    Path output = temp.resolve("model");
    publish(export(), output);

    ModelContract contract = ModelPackage.readContract(output.resolve("model.json"));

    assertThat(contract.name()).isEqualTo("fashion-mnist-cnn");
    assertThat(contract.version()).isEqualTo("test-version");
    assertThat(contract.onnx().opset()).isEqualTo(13);
    assertThat(contract.input()).isEqualTo(new ModelContract.Input("input", "NCHW", 1, 28, 28));
    assertThat(contract.preprocessing()).isEqualTo(data.preprocessing());
    assertThat(contract.output()).isEqualTo(new ModelContract.Output("logits", Activation.SOFTMAX));
    assertThat(contract.labels()).isEqualTo(FashionMnist.LABELS);
    assertThat(contract.confidenceThreshold()).isZero();
  }

  @Test
  void contractRecordsProvenance() throws Exception {
    Path output = temp.resolve("model");
    ParityReport report = publish(export(), output);

    var training = ModelPackage.readContract(output.resolve("model.json")).training();

    assertThat(training.path("seed").asInt()).isEqualTo(42);
    assertThat(training.path("epochs").asInt()).isEqualTo(3);
    assertThat(training.path("testAccuracy").asDouble()).isEqualTo(test.accuracy());
    assertThat(training.path("parameterCount").asLong()).isEqualTo(network.parameterCount());
    assertThat(training.path("dataset").path("sha256").size()).isEqualTo(4);
    assertThat(training.path("dataset").path("trainImages").asInt()).isEqualTo(2000);
    assertThat(training.path("hyperparameters").path("optimizer").asText()).isEqualTo("adam");
    assertThat(training.path("software").path("djl").asText()).isEqualTo("0.36.0");
    assertThat(training.path("history").size()).isEqualTo(3);
    assertThat(training.path("parity").path("maxAbsDifference").asDouble())
        .isEqualTo(report.maxAbsDifference());
  }

  @Test
  void tamperedExportFailsAndWritesNothing() throws IOException {
    Path output = temp.resolve("model");
    ModelProto tampered = perturbFirstValue(export(), "layer7.bias", 0.01f);

    assertThatThrownBy(() -> publish(tampered, output))
        .isInstanceOf(ParityException.class)
        .hasMessageContaining("disagrees with the trained network on 500 images")
        .satisfies(
            e ->
                assertThat(((ParityException) e).report().maxAbsDifference())
                    .isCloseTo(0.01, within(1e-4)));
    assertThat(output).doesNotExist();
    assertThat(stagingFolders()).isEmpty();
  }

  @Test
  void failedCheckKeepsPreviousModel() throws Exception {
    Path output = temp.resolve("model");
    publish(export(), output);
    byte[] before = Files.readAllBytes(output.resolve("model.json"));

    ModelProto tampered = perturbFirstValue(export(), "layer0.weight", 1f);

    assertThatThrownBy(() -> publish(tampered, output)).isInstanceOf(ParityException.class);
    assertThat(Files.readAllBytes(output.resolve("model.json"))).isEqualTo(before);
    assertThat(stagingFolders()).isEmpty();
  }

  private static JobOptions subsetOptions(String... extra) {
    String[] base = {
      "--data-dir", TestData.subsetDirectory().toString(), "--version", "test-version"
    };
    String[] args = Stream.concat(Arrays.stream(base), Arrays.stream(extra)).toArray(String[]::new);
    return JobOptions.parse(args, START);
  }

  private static ModelProto export() {
    return OnnxExporter.export(SPEC, network.block(), TrainingPipeline.MODEL_NAME);
  }

  private static ParityReport publish(ModelProto onnx, Path output) throws Exception {
    ContractDraft draft = TrainingPipeline.draft(options, data, network, test, START);
    ParityCheck parity = ParityCheck.against(network, data.test(), options.parityImages());
    return ModelPublisher.publish(onnx, draft, parity, output);
  }

  private Stream<Path> stagingFolders() throws IOException {
    try (Stream<Path> children = Files.list(temp)) {
      return children
          .filter(p -> p.getFileName().toString().startsWith(".staging"))
          .toList()
          .stream();
    }
  }

  /** Returns a copy of the model with the first value of one initializer increased by delta. */
  static ModelProto perturbFirstValue(ModelProto model, String initializer, float delta) {
    GraphProto.Builder graph = model.getGraph().toBuilder();
    for (int i = 0; i < graph.getInitializerCount(); i++) {
      TensorProto tensor = graph.getInitializer(i);
      if (tensor.getName().equals(initializer)) {
        ByteBuffer raw = ByteBuffer.wrap(tensor.getRawData().toByteArray());
        raw.order(ByteOrder.LITTLE_ENDIAN).putFloat(0, raw.getFloat(0) + delta);
        graph.setInitializer(i, tensor.toBuilder().setRawData(ByteString.copyFrom(raw.array())));
      }
    }
    return model.toBuilder().setGraph(graph).build();
  }

  private static double sum(float[] values) {
    double total = 0;
    for (float value : values) {
      total += value;
    }
    return total;
  }
}
