package org.imageclassifier.core.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * The contract stored as {@code model.json} beside {@code model.onnx}: everything a server needs to
 * feed a model it has never seen and to read its output.
 *
 * <p>The same preprocessing settings drive training and serving, so the pixels a model was trained
 * on and the pixels it is served are computed by the same code.
 *
 * @param schemaVersion version of this file format, currently {@value #SCHEMA_VERSION}
 * @param name model name, for example {@code fashion-mnist-cnn}
 * @param version model version, for example {@code 2026.12.04-1}
 * @param onnx the ONNX file and its checksum
 * @param input the input tensor
 * @param preprocessing how image pixels become the input tensor
 * @param output the output tensor and the activation that turns it into probabilities
 * @param labels class labels, in the order of the output vector
 * @param confidenceThreshold minimum top-1 probability for a confident label, in [0, 1]; 0 turns
 *     the check off
 * @param training provenance of the training run, or null when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelContract(
    int schemaVersion,
    String name,
    String version,
    OnnxFile onnx,
    Input input,
    Preprocessing preprocessing,
    Output output,
    List<String> labels,
    double confidenceThreshold,
    JsonNode training) {

  /** The model.json format version this code writes and reads. */
  public static final int SCHEMA_VERSION = 1;

  /** Creates a contract; {@link #validate()} checks the values. */
  public ModelContract {
    labels = labels == null ? null : List.copyOf(labels);
  }

  /**
   * The ONNX file of the model.
   *
   * @param file file name relative to model.json, normally {@code model.onnx}
   * @param sha256 lowercase hex SHA-256 of the file
   * @param opset ONNX opset version of the default domain
   */
  public record OnnxFile(String file, String sha256, int opset) {}

  /**
   * The input tensor, always float32 in NCHW layout.
   *
   * @param name tensor name in the ONNX graph
   * @param layout tensor layout, always {@code NCHW}
   * @param channels 1 (grayscale) or 3 (RGB)
   * @param height height in pixels
   * @param width width in pixels
   */
  public record Input(String name, String layout, int channels, int height, int width) {

    /** Returns the number of floats in one image: channels x height x width. */
    public int imageSize() {
      return channels * height * width;
    }
  }

  /**
   * Preprocessing from decoded pixels to input values. A sample {@code v} in [0, 255] of channel
   * {@code c} becomes {@code (v * scale - mean[c]) / std[c]}.
   *
   * @param resize resize method
   * @param scale factor applied to 8-bit samples, normally 1/255
   * @param mean per-channel mean subtracted after scaling
   * @param std per-channel standard deviation divided by after subtracting the mean
   */
  public record Preprocessing(ResizeMethod resize, double scale, float[] mean, float[] std) {

    @Override
    public boolean equals(Object other) {
      return other instanceof Preprocessing that
          && resize == that.resize
          && Double.compare(scale, that.scale) == 0
          && java.util.Arrays.equals(mean, that.mean)
          && java.util.Arrays.equals(std, that.std);
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          resize, scale, java.util.Arrays.hashCode(mean), java.util.Arrays.hashCode(std));
    }

    @Override
    public String toString() {
      return "Preprocessing[resize=%s, scale=%s, mean=%s, std=%s]"
          .formatted(
              resize, scale, java.util.Arrays.toString(mean), java.util.Arrays.toString(std));
    }
  }

  /**
   * The output tensor.
   *
   * @param name tensor name in the ONNX graph
   * @param activation the function the server applies to the raw output to get probabilities
   */
  public record Output(String name, Activation activation) {}

  /**
   * Checks that the contract is complete and consistent.
   *
   * @return this contract
   * @throws IllegalArgumentException naming the first invalid field and its value
   */
  public ModelContract validate() {
    ContractValidator.validate(this);
    return this;
  }
}
