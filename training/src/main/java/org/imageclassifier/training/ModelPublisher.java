package org.imageclassifier.training;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.imageclassifier.core.model.InferenceException;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.ModelLoadException;
import org.imageclassifier.core.model.ModelPackage;

/**
 * Writes a model folder only after its parity check passes. The ONNX file and model.json are first
 * written to a staging folder beside the output folder, opened with {@link ModelPackage#open} and
 * checked; then the report files are added, and only then is every file moved into the output
 * folder, model.json last. On any failure the staging folder is deleted and the output folder is
 * left as it was.
 */
public final class ModelPublisher {

  /** File name of the ONNX model inside a model folder. */
  public static final String ONNX_FILE = "model.onnx";

  private ModelPublisher() {}

  /** Writes extra files, such as the evaluation report, into the staging folder. */
  @FunctionalInterface
  public interface ExtraFiles {

    /** Writes the files into {@code staging}. */
    void write(Path staging) throws IOException;
  }

  /** Stages, checks and publishes a model without extra files. */
  public static ParityReport publish(
      ModelProto onnx, ContractDraft draft, ParityCheck parity, Path outputDirectory)
      throws IOException, ParityException, ModelLoadException, InferenceException {
    return publish(onnx, draft, parity, outputDirectory, staging -> {});
  }

  /**
   * Stages, checks and publishes a model.
   *
   * @param onnx the exported graph
   * @param draft model.json without the ONNX checksum
   * @param parity the comparison with the trained network
   * @param outputDirectory the model folder to write; created when missing, and existing model.onnx
   *     and model.json in it are replaced
   * @param extra writes further files after the parity check passed
   * @return the passed parity report
   * @throws ParityException when the export disagrees with the trained network
   */
  public static ParityReport publish(
      ModelProto onnx,
      ContractDraft draft,
      ParityCheck parity,
      Path outputDirectory,
      ExtraFiles extra)
      throws IOException, ParityException, ModelLoadException, InferenceException {
    Path target = outputDirectory.toAbsolutePath().normalize();
    Files.createDirectories(target.getParent());
    Path staging =
        Files.createTempDirectory(target.getParent(), ".staging-" + target.getFileName());
    try {
      ParityReport report = stage(onnx, draft, parity, staging);
      extra.write(staging);
      moveInto(staging, target);
      return report;
    } finally {
      deleteRecursively(staging);
    }
  }

  private static ParityReport stage(
      ModelProto onnx, ContractDraft draft, ParityCheck parity, Path staging)
      throws IOException, ParityException, ModelLoadException, InferenceException {
    Path onnxFile = staging.resolve(ONNX_FILE);
    Files.write(onnxFile, onnx.toByteArray());
    ModelContract.OnnxFile file =
        new ModelContract.OnnxFile(ONNX_FILE, Checksums.sha256(onnxFile), OnnxExporter.OPSET);
    Path contractFile = staging.resolve(ModelPackage.CONTRACT_FILE);
    ModelPackage.writeContract(draft.toContract(file), contractFile);
    ParityReport report = parity.run(ModelPackage.open(staging));
    ModelPackage.writeContract(draft.withParity(report).toContract(file), contractFile);
    return report;
  }

  private static void moveInto(Path staging, Path target) throws IOException {
    Files.createDirectories(target);
    List<Path> files;
    try (Stream<Path> entries = Files.list(staging)) {
      files = entries.sorted(ModelPublisher::contractLast).toList();
    }
    for (Path file : files) {
      Files.move(
          file,
          target.resolve(file.getFileName().toString()),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private static int contractLast(Path left, Path right) {
    boolean leftContract = left.getFileName().toString().equals(ModelPackage.CONTRACT_FILE);
    boolean rightContract = right.getFileName().toString().equals(ModelPackage.CONTRACT_FILE);
    return leftContract == rightContract
        ? left.compareTo(right)
        : Boolean.compare(leftContract, rightContract);
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
