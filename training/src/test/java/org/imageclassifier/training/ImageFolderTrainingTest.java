package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.imageclassifier.core.Classification;
import org.imageclassifier.core.ImageClassifier;
import org.imageclassifier.core.model.Activation;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.ModelPackage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains on class folders of real photo crops (PNG and JPEG) and serves the result through core's
 * {@link ImageClassifier}, which decodes the files the way the function does: a binary
 * cat-or-coffee model with one sigmoid logit, and a three-class model with a softmax.
 */
class ImageFolderTrainingTest {

  private static final Map<String, String> HYPERPARAMETERS =
      Map.ofEntries(
          Map.entry("epochs", "12"),
          Map.entry("batch_size", "8"),
          Map.entry("learning_rate", "0.003"),
          Map.entry("filters", "8,16"),
          Map.entry("batch_norm", "true"),
          Map.entry("head", "global_average"),
          Map.entry("horizontal_flip", "true"),
          Map.entry("validation_fraction", "0"),
          Map.entry("image_size", "32"),
          Map.entry("image_channels", "3"),
          Map.entry("model_name", "photo-crops"),
          Map.entry("model_version", "test-1"));

  @TempDir static Path binaryRoot;
  @TempDir static Path multiRoot;

  @BeforeAll
  static void trainBothModels() throws Exception {
    System.setProperty("ai.djl.offline", "true");
    layOut(binaryRoot, List.of("cat", "coffee"));
    layOut(multiRoot, List.of("cat", "coffee", "rocket"));
    for (Path root : List.of(binaryRoot, multiRoot)) {
      int status =
          TrainingJob.run(
              new String[] {"train", "--ml-root", root.toString()}, Map.of(), new StopSignal());
      assertThat(status).as("exit status of the job in %s", root).isZero();
    }
  }

  private static void layOut(Path root, List<String> classes) throws Exception {
    for (String split : List.of("train", "test")) {
      for (String name : classes) {
        TestData.copyTree(
            TestData.photos().resolve(split).resolve(name),
            root.resolve("input/data").resolve(split).resolve(name));
      }
    }
    TestData.writeHyperparameters(root, HYPERPARAMETERS);
  }

  @Test
  void binaryModelHasOneSigmoidLogit() throws Exception {
    ModelContract contract = ModelPackage.open(binaryRoot.resolve("model")).contract();
    ModelProto onnx =
        ModelProto.parseFrom(Files.readAllBytes(binaryRoot.resolve("model/model.onnx")));

    assertThat(contract.labels()).containsExactly("cat", "coffee");
    assertThat(contract.output().activation()).isEqualTo(Activation.SIGMOID);
    assertThat(contract.input()).isEqualTo(new ModelContract.Input("input", "NCHW", 3, 32, 32));
    assertThat(
            onnx.getGraph()
                .getOutput(0)
                .getType()
                .getTensorType()
                .getShape()
                .getDim(1)
                .getDimValue())
        .isEqualTo(1);
    assertThat(contract.training().path("parity").path("argmaxMismatches").asInt()).isZero();
  }

  @Test
  void binaryModelClassifiesTestPhotos() throws Exception {
    assertThat(servedAccuracy(binaryRoot, List.of("cat", "coffee")))
        .isGreaterThanOrEqualTo(10 / 12.0);
  }

  @Test
  void threeClassModelUsesSoftmax() throws Exception {
    ModelContract contract = ModelPackage.open(multiRoot.resolve("model")).contract();

    assertThat(contract.labels()).containsExactly("cat", "coffee", "rocket");
    assertThat(contract.output().activation()).isEqualTo(Activation.SOFTMAX);
    assertThat(contract.training().path("dataset").path("train").path("format").asText())
        .isEqualTo("image-folder");
    assertThat(contract.training().path("summary").path("images").asInt()).isEqualTo(18);
  }

  @Test
  void threeClassModelClassifiesTestPhotos() throws Exception {
    List<String> classes = List.of("cat", "coffee", "rocket");

    assertThat(servedAccuracy(multiRoot, classes)).isGreaterThanOrEqualTo(15 / 18.0);
  }

  @Test
  void servedAccuracyMatchesReport() throws Exception {
    double reported =
        ModelPackage.open(multiRoot.resolve("model"))
            .contract()
            .training()
            .path("summary")
            .path("accuracy")
            .asDouble();

    assertThat(servedAccuracy(multiRoot, List.of("cat", "coffee", "rocket"))).isEqualTo(reported);
  }

  /** Classifies every test file through core, from its bytes, and returns the share correct. */
  private static double servedAccuracy(Path root, List<String> classes) throws Exception {
    int correct = 0;
    int total = 0;
    try (ImageClassifier classifier =
        ImageClassifier.load(ModelPackage.open(root.resolve("model")))) {
      for (String name : classes) {
        for (Path file : files(root.resolve("input/data/test").resolve(name))) {
          Classification result = classifier.classify(Files.readAllBytes(file));
          correct += result.label().equals(name) ? 1 : 0;
          total++;
        }
      }
    }
    return (double) correct / total;
  }

  private static List<Path> files(Path folder) throws Exception {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.sorted().toList();
    }
  }
}
