package org.imageclassifier.core.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A model folder: {@code model.json} and the ONNX file it names, with the checksum verified.
 *
 * @param directory the folder that contains model.json
 * @param contract the parsed and validated contract
 */
public record ModelPackage(Path directory, ModelContract contract) {

  /** File name of the contract inside a model folder. */
  public static final String CONTRACT_FILE = "model.json";

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * Opens a model folder, validates model.json and verifies the SHA-256 of the ONNX file.
   *
   * @param directory folder with model.json and the ONNX file
   * @throws ModelLoadException when a file is missing, model.json is invalid or the checksum
   *     differs
   */
  public static ModelPackage open(Path directory) throws ModelLoadException {
    ModelContract contract = readContract(directory.resolve(CONTRACT_FILE));
    ModelPackage modelPackage = new ModelPackage(directory, contract);
    String actual = sha256(modelPackage.onnxFile());
    if (!actual.equals(contract.onnx().sha256())) {
      throw new ModelLoadException(
          "Checksum mismatch for %s: model.json expects sha256 %s but the file has %s. Copy the ONNX file and model.json of the same training run together."
              .formatted(modelPackage.onnxFile(), contract.onnx().sha256(), actual));
    }
    return modelPackage;
  }

  /** Returns the path of the ONNX file named by the contract. */
  public Path onnxFile() {
    return directory.resolve(contract.onnx().file());
  }

  /**
   * Reads and validates a model.json file.
   *
   * @throws ModelLoadException when the file is missing, unreadable or invalid
   */
  public static ModelContract readContract(Path file) throws ModelLoadException {
    if (!Files.isRegularFile(file)) {
      throw new ModelLoadException("Model contract not found: " + file);
    }
    try {
      return MAPPER.readValue(file.toFile(), ModelContract.class).validate();
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelLoadException("Invalid model contract " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes a contract as indented JSON. */
  public static void writeContract(ModelContract contract, Path file) throws IOException {
    MAPPER.writeValue(file.toFile(), contract);
  }

  /** Returns the shared mapper configured for model.json. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Computes the lowercase hex SHA-256 of a file.
   *
   * @throws ModelLoadException when the file cannot be read
   */
  public static String sha256(Path file) throws ModelLoadException {
    MessageDigest digest = newSha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new ModelLoadException("Cannot read model file " + file + ": " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }
}
