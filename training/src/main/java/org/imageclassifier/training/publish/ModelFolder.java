package org.imageclassifier.training.publish;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.ModelPackage;

/**
 * The files of a model folder taken from an archive, checked the way the function checks a model
 * before serving it: model.json parses and validates, and the ONNX file it names is present with
 * the SHA-256 it records.
 *
 * @param contract the validated model.json
 * @param files every file by relative path, model.json included, in archive order
 */
public record ModelFolder(ModelContract contract, Map<String, byte[]> files) {

  /**
   * Checks the files of a folder.
   *
   * @throws ArchiveException when model.json or the ONNX file is missing, model.json is invalid or
   *     the checksum differs
   */
  public static ModelFolder of(Map<String, byte[]> files) throws ArchiveException {
    byte[] json = files.get(ModelPackage.CONTRACT_FILE);
    if (json == null) {
      throw new ArchiveException(
          "The archive has no model.json, only %s. Publish the model.tar.gz of a training job that succeeded."
              .formatted(files.keySet()));
    }
    ModelContract contract = parse(json);
    byte[] onnx = files.get(contract.onnx().file());
    if (onnx == null) {
      throw new ArchiveException(
          "model.json names %s, which is not in the archive.".formatted(contract.onnx().file()));
    }
    String actual = sha256(onnx);
    if (!actual.equals(contract.onnx().sha256())) {
      throw new ArchiveException(
          "%s has SHA-256 %s but model.json records %s: the archive is corrupt or mixed from two runs."
              .formatted(contract.onnx().file(), actual, contract.onnx().sha256()));
    }
    return new ModelFolder(contract, Collections.unmodifiableMap(new LinkedHashMap<>(files)));
  }

  private static ModelContract parse(byte[] json) throws ArchiveException {
    try {
      return ModelPackage.mapper().readValue(json, ModelContract.class).validate();
    } catch (IOException | IllegalArgumentException e) {
      throw new ArchiveException("Invalid model.json in the archive: " + e.getMessage(), e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }
}
