package org.imageclassifier.core.model;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a {@link ModelContract} field by field; each message names the field and its value. */
final class ContractValidator {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final int MAX_SIDE = 4096;

  private ContractValidator() {}

  static void validate(ModelContract contract) {
    require(
        contract.schemaVersion() == ModelContract.SCHEMA_VERSION,
        "schemaVersion",
        contract.schemaVersion(),
        "must be " + ModelContract.SCHEMA_VERSION);
    requireText(contract.name(), "name");
    requireText(contract.version(), "version");
    validateOnnx(contract.onnx());
    validateInput(contract.input());
    validatePreprocessing(contract.preprocessing(), contract.input().channels());
    validateOutput(contract.output());
    validateLabels(contract.labels(), contract.output().activation());
    require(
        contract.confidenceThreshold() >= 0 && contract.confidenceThreshold() <= 1,
        "confidenceThreshold",
        contract.confidenceThreshold(),
        "must be in [0, 1]");
  }

  private static void validateOnnx(ModelContract.OnnxFile onnx) {
    require(onnx != null, "onnx", null, "is required");
    requireText(onnx.file(), "onnx.file");
    require(
        onnx.sha256() != null && SHA256.matcher(onnx.sha256()).matches(),
        "onnx.sha256",
        onnx.sha256(),
        "must be 64 lowercase hex digits");
    require(onnx.opset() >= 13, "onnx.opset", onnx.opset(), "must be 13 or newer");
  }

  private static void validateInput(ModelContract.Input input) {
    require(input != null, "input", null, "is required");
    requireText(input.name(), "input.name");
    require("NCHW".equals(input.layout()), "input.layout", input.layout(), "must be NCHW");
    require(
        input.channels() == 1 || input.channels() == 3,
        "input.channels",
        input.channels(),
        "must be 1 or 3");
    require(
        input.height() > 0 && input.height() <= MAX_SIDE,
        "input.height",
        input.height(),
        "must be in [1, " + MAX_SIDE + "]");
    require(
        input.width() > 0 && input.width() <= MAX_SIDE,
        "input.width",
        input.width(),
        "must be in [1, " + MAX_SIDE + "]");
  }

  private static void validatePreprocessing(ModelContract.Preprocessing pre, int channels) {
    require(pre != null, "preprocessing", null, "is required");
    require(pre.resize() != null, "preprocessing.resize", null, "is required");
    require(
        pre.scale() > 0 && Double.isFinite(pre.scale()),
        "preprocessing.scale",
        pre.scale(),
        "must be a positive number");
    require(
        pre.mean() != null && pre.mean().length == channels,
        "preprocessing.mean",
        pre.mean() == null ? null : pre.mean().length + " values",
        "must have one value per input channel (" + channels + ")");
    require(
        pre.std() != null && pre.std().length == channels,
        "preprocessing.std",
        pre.std() == null ? null : pre.std().length + " values",
        "must have one value per input channel (" + channels + ")");
    for (float std : pre.std()) {
      require(std > 0, "preprocessing.std", std, "must be positive");
    }
  }

  private static void validateOutput(ModelContract.Output output) {
    require(output != null, "output", null, "is required");
    requireText(output.name(), "output.name");
    require(output.activation() != null, "output.activation", null, "is required");
  }

  private static void validateLabels(List<String> labels, Activation activation) {
    require(labels != null && labels.size() >= 2, "labels", labels, "must name 2 or more classes");
    require(
        new HashSet<>(labels).size() == labels.size(),
        "labels",
        labels,
        "must not contain duplicates");
    for (String label : labels) {
      requireText(label, "labels[]");
    }
    require(
        activation != Activation.SIGMOID || labels.size() == 2,
        "labels",
        labels.size() + " labels",
        "must be exactly 2 with the sigmoid activation");
  }

  private static void requireText(String value, String field) {
    require(value != null && !value.isBlank(), field, value, "must not be blank");
  }

  private static void require(boolean condition, String field, Object value, String rule) {
    if (!condition) {
      throw new IllegalArgumentException(
          "Invalid model.json: " + field + " " + rule + " (was " + value + ")");
    }
  }
}
