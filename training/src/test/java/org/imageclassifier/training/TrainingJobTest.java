package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.imageclassifier.core.model.ModelPackage;
import org.imageclassifier.core.model.OnnxPredictor;
import org.imageclassifier.core.model.TensorBatch;
import org.imageclassifier.core.preprocess.Preprocessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SageMaker container contract, run in-process on a temporary /opt/ml. */
class TrainingJobTest {

  /** A small, fast run on the first 400 training and 100 test images. */
  static final Map<String, String> SMALL_RUN =
      Map.of(
          "epochs", "1",
          "batch_size", "50",
          "filters", "8,16",
          "batch_norm", "true",
          "train_limit", "400",
          "test_limit", "100",
          "parity_images", "50",
          "model_version", "test-1");

  @TempDir Path root;

  @BeforeAll
  static void offline() {
    System.setProperty("ai.djl.offline", "true");
  }

  private int run(Map<String, String> environment) {
    return TrainingJob.run(
        new String[] {"train", "--ml-root", root.toString()}, environment, new StopSignal());
  }

  private void layOut(Map<String, String> hyperparameters) throws Exception {
    TestData.layOut(
        root,
        Map.of("train", TestData.fashionTrain(), "test", TestData.fashionTest()),
        hyperparameters);
  }

  @Test
  void successWritesModelAndReport() throws Exception {
    layOut(SMALL_RUN);

    int status = run(Map.of());

    assertThat(status).isZero();
    Path model = root.resolve("model");
    for (String file :
        new String[] {
          "model.onnx",
          "model.json",
          "metrics.json",
          "learning-curves.png",
          "confusion-matrix.png",
          "report.html"
        }) {
      assertThat(model.resolve(file)).isRegularFile();
    }
    assertThat(root.resolve("output/failure")).doesNotExist();
    assertThat(root.resolve("checkpoints/checkpoint.json")).isRegularFile();
  }

  @Test
  void mirrorAverageExportPassesParity() throws Exception {
    Map<String, String> hyperparameters = new HashMap<>(SMALL_RUN);
    hyperparameters.put("test_time_flip", "true");
    layOut(hyperparameters);

    int status = run(Map.of());

    assertThat(status).isZero();
    Path model = root.resolve("model");
    ModelProto onnx = ModelProto.parseFrom(Files.readAllBytes(model.resolve("model.onnx")));
    assertThat(onnx.getGraph().getNodeList())
        .extracting(NodeProto::getOpType)
        .startsWith("Slice", "Concat")
        .endsWith("Reshape", "ReduceMean");
    ModelPackage opened = ModelPackage.open(model);
    IdxDataset test = IdxDataset.read(TestData.fashionTest(), FashionMnist.LABELS, 20);
    TensorSet images =
        DatasetEncoder.encode(Preprocessor.of(opened.contract()), test, DatasetEncoder.all(test));
    TensorSet mirrored = MirrorAverage.mirror(images, NetworkSpec.fashionMnistCnn());
    try (OnnxPredictor predictor = OnnxPredictor.load(opened)) {
      float[][] plain = predictor.predictRaw(new TensorBatch(images.data(), images.count()));
      float[][] flipped = predictor.predictRaw(new TensorBatch(mirrored.data(), mirrored.count()));
      for (int i = 0; i < plain.length; i++) {
        assertThat(flipped[i]).containsExactly(plain[i], within(1e-5f));
      }
    }
  }

  @Test
  void thresholdWrittenToContract() throws Exception {
    Map<String, String> hyperparameters = new HashMap<>(SMALL_RUN);
    hyperparameters.put("confidence_threshold", "0.6");
    layOut(hyperparameters);

    int status = run(Map.of());

    assertThat(status).isZero();
    ModelPackage opened = ModelPackage.open(root.resolve("model"));
    assertThat(opened.contract().confidenceThreshold()).isEqualTo(0.6);
  }

  @Test
  void invalidHyperparameterFailsWithReason() throws Exception {
    Map<String, String> hyperparameters = new HashMap<>(SMALL_RUN);
    hyperparameters.put("learning_rate", "fast");
    layOut(hyperparameters);

    int status = run(Map.of());

    assertThat(status).isEqualTo(TrainingJob.INVALID);
    String failure = Files.readString(root.resolve("output/failure"));
    assertThat(failure.substring(0, TrainingJob.FAILURE_SHOWN))
        .startsWith(
            "IllegalArgumentException: Invalid hyperparameter learning_rate='fast': expected a number > 0.0 and <= 10.0.");
    assertThat(root.resolve("model/model.onnx")).doesNotExist();
  }

  @Test
  void unknownHyperparameterFails() throws Exception {
    Map<String, String> hyperparameters = new HashMap<>(SMALL_RUN);
    hyperparameters.put("epoch", "3");
    layOut(hyperparameters);

    int status = run(Map.of());

    assertThat(status).isEqualTo(TrainingJob.INVALID);
    assertThat(Files.readString(root.resolve("output/failure")))
        .startsWith("IllegalArgumentException: Unknown hyperparameter ['epoch']");
  }

  @Test
  void missingTrainChannelFails() throws Exception {
    TestData.writeHyperparameters(root, SMALL_RUN);

    int status = run(Map.of());

    assertThat(status).isEqualTo(TrainingJob.FAILED);
    assertThat(Files.readString(root.resolve("output/failure")))
        .startsWith(
            "DatasetException: Training channel not found: " + root.resolve("input/data/train"));
  }

  @Test
  void missingCommandRejected() {
    int status =
        TrainingJob.run(new String[] {"--ml-root", root.toString()}, Map.of(), new StopSignal());

    assertThat(status).isEqualTo(TrainingJob.INVALID);
  }

  @Test
  void toolkitVariablesWin() throws Exception {
    Map<String, String> broken = new HashMap<>(SMALL_RUN);
    broken.put("epochs", "not a number");
    TestData.writeHyperparameters(root, broken);
    Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
    TestData.copyTree(TestData.fashionTrain(), elsewhere.resolve("train"));
    String hps = ModelPackage.mapper().writeValueAsString(SMALL_RUN);
    Map<String, String> environment =
        Map.of(
            "SM_HPS", hps,
            "SM_CHANNEL_TRAIN", elsewhere.resolve("train").toString(),
            "SM_MODEL_DIR", elsewhere.resolve("model").toString(),
            "SM_OUTPUT_DIR", elsewhere.resolve("output").toString());

    int status = run(environment);

    assertThat(status).isZero();
    assertThat(elsewhere.resolve("model/model.onnx")).isRegularFile();
    assertThat(root.resolve("model")).doesNotExist();
    JsonNode training =
        ModelPackage.mapper()
            .readTree(elsewhere.resolve("model/model.json").toFile())
            .path("training");
    assertThat(training.path("dataset").path("train").path("source").asText())
        .isEqualTo(elsewhere.resolve("train").toString());
    assertThat(training.path("summary").path("split").asText()).isEqualTo("validation");
  }

  @Test
  void validationHeldOutWhenNoChannel() throws Exception {
    layOut(SMALL_RUN);

    run(Map.of());

    JsonNode dataset =
        ModelPackage.mapper()
            .readTree(root.resolve("model/model.json").toFile())
            .path("training")
            .path("dataset");
    assertThat(dataset.path("validation").asText()).isEqualTo("held-out");
    assertThat(dataset.path("trainImages").asInt()).isEqualTo(360);
    assertThat(dataset.path("validationImages").asInt()).isEqualTo(40);
    assertThat(dataset.path("testImages").asInt()).isEqualTo(100);
  }
}
