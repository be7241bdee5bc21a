package org.imageclassifier.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelContractTest {

  static ModelContract valid(String sha256) {
    return new ModelContract(
        ModelContract.SCHEMA_VERSION,
        "test-model",
        "1",
        new ModelContract.OnnxFile("model.onnx", sha256, 13),
        new ModelContract.Input("input", "NCHW", 1, 28, 28),
        new ModelContract.Preprocessing(
            ResizeMethod.AREA, 1 / 255.0, new float[] {0.286f}, new float[] {0.353f}),
        new ModelContract.Output("logits", Activation.SOFTMAX),
        List.of("a", "b", "c"),
        0.5,
        null);
  }

  @Test
  void validContractPasses() {
    assertThat(valid("0".repeat(64)).validate().labels()).containsExactly("a", "b", "c");
  }

  @Test
  void badChecksumIsNamed() {
    assertThatThrownBy(() -> valid("xyz").validate())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("onnx.sha256")
        .hasMessageContaining("xyz");
  }

  @Test
  void meanMustMatchChannels() {
    ModelContract contract = valid("0".repeat(64));
    ModelContract rgbInput =
        new ModelContract(
            contract.schemaVersion(),
            contract.name(),
            contract.version(),
            contract.onnx(),
            new ModelContract.Input("input", "NCHW", 3, 28, 28),
            contract.preprocessing(),
            contract.output(),
            contract.labels(),
            contract.confidenceThreshold(),
            null);

    assertThatThrownBy(rgbInput::validate)
        .hasMessageContaining("preprocessing.mean")
        .hasMessageContaining("(3)");
  }

  @Test
  void sigmoidNeedsTwoLabels() {
    ModelContract contract = valid("0".repeat(64));
    ModelContract sigmoid =
        new ModelContract(
            contract.schemaVersion(),
            contract.name(),
            contract.version(),
            contract.onnx(),
            contract.input(),
            contract.preprocessing(),
            new ModelContract.Output("logits", Activation.SIGMOID),
            contract.labels(),
            contract.confidenceThreshold(),
            null);

    assertThatThrownBy(sigmoid::validate).hasMessageContaining("sigmoid");
  }

  @Test
  void roundTripsThroughJson(@TempDir Path folder) throws Exception {
    Path file = folder.resolve(ModelPackage.CONTRACT_FILE);
    ModelContract contract = valid("a".repeat(64));

    ModelPackage.writeContract(contract, file);

    assertThat(Files.readString(file)).contains("\"activation\" : \"softmax\"");
    assertThat(ModelPackage.readContract(file)).isEqualTo(contract);
  }

  @Test
  void checksumMismatchFailsOpen(@TempDir Path folder) throws Exception {
    Files.write(folder.resolve("model.onnx"), new byte[] {1, 2, 3});
    ModelPackage.writeContract(valid("b".repeat(64)), folder.resolve(ModelPackage.CONTRACT_FILE));

    assertThatThrownBy(() -> ModelPackage.open(folder))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("Checksum mismatch")
        .hasMessageContaining("b".repeat(64));
  }

  @Test
  void missingContractFailsOpen(@TempDir Path folder) {
    assertThatThrownBy(() -> ModelPackage.open(folder))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("not found");
  }

  @Test
  void unknownActivationIsRejected() {
    assertThatThrownBy(() -> Activation.fromJson("relu"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("relu");
  }

  @Test
  void softmaxSumsToOne() {
    float[] probabilities = Activation.SOFTMAX.apply(new float[] {1000f, 1001f, 999f}, 3);

    assertThat(probabilities[0] + probabilities[1] + probabilities[2])
        .isCloseTo(1f, org.assertj.core.api.Assertions.within(1e-6f));
    assertThat(probabilities[1]).isGreaterThan(probabilities[0]);
  }

  @Test
  void sigmoidGivesTwoProbabilities() {
    float[] probabilities = Activation.SIGMOID.apply(new float[] {0f}, 2);

    assertThat(probabilities).containsExactly(0.5f, 0.5f);
  }
}
