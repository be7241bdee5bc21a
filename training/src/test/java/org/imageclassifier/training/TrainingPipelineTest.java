package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.imageclassifier.core.model.Activation;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.ModelPackage;
import org.imageclassifier.core.model.OnnxPredictor;
import org.imageclassifier.core.model.TensorBatch;
import org.imageclassifier.core.preprocess.Preprocessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole job once on the committed subset and checks the published model folder, its
 * report, serving through core and the parity check. The run trains 3 epochs on 2,000 images with
 * batch normalisation, dropout and augmentation, holds a tenth out for validation and tests on 500
 * images.
 */
class TrainingPipelineTest {

  private static final Instant START = Instant.parse("2026-12-04T16:30:00Z");
  private static final int TEST_IMAGES = 500;
  private static final Map<String, String> HYPERPARAMETERS =
      Map.ofEntries(
          Map.entry("epochs", "3"),
          Map.entry("batch_size", "32"),
          Map.entry("learning_rate", "0.003"),
          Map.entry("lr_schedule", "cosine"),
          Map.entry("filters", "16,32"),
          Map.entry("batch_norm", "true"),
          Map.entry("dropout", "0.2"),
          Map.entry("crop_padding", "2"),
          Map.entry("horizontal_flip", "true"),
          Map.entry("test_limit", Integer.toString(TEST_IMAGES)),
          Map.entry("parity_images", Integer.toString(TEST_IMAGES)),
          Map.entry("model_version", "test-version"));

  @TempDir static Path root;

  private static JobResult result;
  private static Path model;
  private static ModelContract contract;
  private static JsonNode training;
  private static TensorSet test;

  @TempDir Path temp;

  @BeforeAll
  static void runJob() throws Exception {
    System.setProperty("ai.djl.offline", "true");
    TestData.layOut(
        root,
        Map.of("train", TestData.fashionTrain(), "test", TestData.fashionTest()),
        HYPERPARAMETERS);
    JobPaths paths = JobPaths.resolve(root, null, Map.of());
    JobSettings settings = HyperparameterParser.parse(HYPERPARAMETERS);
    result = TrainingPipeline.run(paths, settings, new StopSignal(), System.out, START);
    model = paths.modelDirectory();
    contract = ModelPackage.readContract(model.resolve("model.json"));
    training = contract.training();
    IdxDataset testSet = IdxDataset.read(TestData.fashionTest(), FashionMnist.LABELS, TEST_IMAGES);
    test = DatasetEncoder.encode(Preprocessor.of(contract), testSet, DatasetEncoder.all(testSet));
  }

  @Test
  void networkBeatsChanceOnTestImages() {
    assertThat(result.metrics().split()).isEqualTo("test");
    assertThat(result.metrics().images()).isEqualTo(TEST_IMAGES);
    assertThat(result.metrics().accuracy()).isGreaterThanOrEqualTo(0.6);
  }

  @Test
  void historyHasOneEntryPerEpoch() {
    JsonNode history = training.path("history");

    assertThat(history).hasSize(3);
    assertThat(history.get(2).path("trainLoss").asDouble())
        .isLessThan(history.get(0).path("trainLoss").asDouble());
    assertThat(history.get(2).path("validationAccuracy").asDouble()).isGreaterThan(0.5);
  }

  @Test
  void parameterCountMatchesArchitecture() {
    long conv1 = 16 * 9 + 16;
    long norm1 = 4 * 16;
    long conv2 = 32 * 16 * 9 + 32;
    long norm2 = 4 * 32;
    long dense = 10 * 32 * 7 * 7 + 10;

    assertThat(training.path("parameterCount").asLong())
        .isEqualTo(conv1 + norm1 + conv2 + norm2 + dense);
  }

  @Test
  void parityPassedWithBatchNorm() {
    assertThat(result.parity().passed()).isTrue();
    assertThat(result.parity().images()).isEqualTo(TEST_IMAGES);
    assertThat(result.parity().argmaxMismatches()).isZero();
    assertThat(result.parity().maxAbsDifference())
        .isLessThanOrEqualTo(ParityCheck.DEFAULT_TOLERANCE);
    assertThat(training.path("architecture").toString()).contains("batch norm", "dropout 0.2");
  }

  @Test
  void servedThroughCoreMatchesReport() throws Exception {
    float[][] probabilities;
    try (OnnxPredictor predictor = OnnxPredictor.load(ModelPackage.open(model))) {
      probabilities = predictor.predict(new TensorBatch(test.data(), test.count()));
    }

    int correct = 0;
    for (int i = 0; i < probabilities.length; i++) {
      assertThat(sum(probabilities[i])).isCloseTo(1.0, within(1e-5));
      correct += Metrics.argmax(probabilities[i]) == test.labels()[i] ? 1 : 0;
    }
    assertThat((double) correct / probabilities.length).isEqualTo(result.metrics().accuracy());
  }

  @Test
  void metricsFileMatchesSummary() throws Exception {
    JsonNode metrics = ModelPackage.mapper().readTree(model.resolve("metrics.json").toFile());
    int total = 0;
    int diagonal = 0;
    for (int actual = 0; actual < 10; actual++) {
      for (int predicted = 0; predicted < 10; predicted++) {
        int count = metrics.path("confusionMatrix").get(actual).get(predicted).asInt();
        total += count;
        diagonal += actual == predicted ? count : 0;
      }
    }

    assertThat(total).isEqualTo(TEST_IMAGES);
    assertThat((double) diagonal / total).isEqualTo(metrics.path("accuracy").asDouble());
    assertThat(training.path("summary").path("accuracy").asDouble())
        .isEqualTo(metrics.path("accuracy").asDouble());
    assertThat(training.path("summary").path("expectedCalibrationError").asDouble())
        .isEqualTo(metrics.path("expectedCalibrationError").asDouble());
  }

  @Test
  void contractDescribesModel() {
    assertThat(contract.name()).isEqualTo("fashion-mnist-cnn");
    assertThat(contract.version()).isEqualTo("test-version");
    assertThat(contract.onnx().opset()).isEqualTo(13);
    assertThat(contract.input()).isEqualTo(new ModelContract.Input("input", "NCHW", 1, 28, 28));
    assertThat(contract.output()).isEqualTo(new ModelContract.Output("logits", Activation.SOFTMAX));
    assertThat(contract.labels()).isEqualTo(FashionMnist.LABELS);
    assertThat(contract.confidenceThreshold()).isZero();
  }

  @Test
  void contractRecordsProvenance() {
    assertThat(training.path("seed").asInt()).isEqualTo(42);
    assertThat(training.path("epochs").asInt()).isEqualTo(3);
    assertThat(training.path("hyperparameters").path("filters").asText()).isEqualTo("16,32");
    assertThat(training.path("dataset").path("train").path("sha256").size()).isEqualTo(2);
    assertThat(training.path("dataset").path("test").path("format").asText()).isEqualTo("idx");
    assertThat(training.path("dataset").path("trainImages").asInt()).isEqualTo(1799);
    assertThat(training.path("dataset").path("validationImages").asInt()).isEqualTo(201);
    assertThat(training.path("software").path("djl").asText()).isEqualTo("0.36.0");
    assertThat(training.path("trainingSeconds").asDouble()).isPositive();
    assertThat(training.path("parity").path("maxAbsDifference").asDouble())
        .isEqualTo(result.parity().maxAbsDifference());
  }

  @Test
  void tamperedExportFailsAndWritesNothing() throws Exception {
    Path output = temp.resolve("model");
    ModelProto tampered = perturbFirstValue(exported(), "layer10.bias", 0.01f);

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
    publish(exported(), output);
    byte[] before = Files.readAllBytes(output.resolve("model.json"));

    ModelProto tampered = perturbFirstValue(exported(), "layer0.weight", 1f);

    assertThatThrownBy(() -> publish(tampered, output)).isInstanceOf(ParityException.class);
    assertThat(Files.readAllBytes(output.resolve("model.json"))).isEqualTo(before);
    assertThat(stagingFolders()).isEmpty();
  }

  private static ModelProto exported() throws IOException {
    return ModelProto.parseFrom(Files.readAllBytes(model.resolve("model.onnx")));
  }

  /** Publishes an export, checked against the logits the job's own export gives. */
  private static ParityReport publish(ModelProto onnx, Path output) throws Exception {
    float[][] expected;
    try (OnnxPredictor predictor = OnnxPredictor.load(ModelPackage.open(model))) {
      expected = predictor.predictRaw(new TensorBatch(test.data(), test.count()));
    }
    TrainingProvenance provenance =
        ModelPackage.mapper().treeToValue(training, TrainingProvenance.class);
    ContractDraft draft =
        new ContractDraft(
            contract.name(),
            contract.version(),
            contract.input(),
            contract.preprocessing(),
            contract.labels(),
            contract.confidenceThreshold(),
            provenance);
    ParityCheck parity = new ParityCheck(test, expected, ParityCheck.DEFAULT_TOLERANCE);
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
