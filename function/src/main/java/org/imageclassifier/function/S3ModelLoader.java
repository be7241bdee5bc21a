package org.imageclassifier.function;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imageclassifier.core.ImageClassifier;
import org.imageclassifier.core.image.ImageDecoder;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.ModelLoadException;
import org.imageclassifier.core.model.ModelPackage;
import org.imageclassifier.core.model.OnnxPredictor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Loads a model that the training job published to S3: downloads model.json and the ONNX file it
 * names into a temporary folder (under /tmp on Lambda), verifies the ONNX file's SHA-256 against
 * model.json, and loads it on OnnxRuntime. Every failure is a {@link ModelLoadException}, which
 * fails the function's init: a location that is set but broken never falls back to the bundled
 * model.
 */
final class S3ModelLoader {

  private static final Logger LOG = LoggerFactory.getLogger(S3ModelLoader.class);

  private S3ModelLoader() {}

  /**
   * Downloads, verifies and loads the model of a location.
   *
   * @param s3 the client that reads the location
   * @param location the model folder
   * @param decoder the decoder, which carries the pixel budget
   * @throws ModelLoadException when a file is missing or unreadable, model.json is invalid or names
   *     another model than the folder, or the checksum differs
   */
  static ImageClassifier load(S3Client s3, ModelLocation location, ImageDecoder decoder)
      throws ModelLoadException {
    long start = System.nanoTime();
    OnnxRuntimeNatives.useUnpackedLibraries();
    Path directory = temporaryFolder();
    Path contractFile = download(s3, location, ModelPackage.CONTRACT_FILE, directory);
    ModelContract contract = ModelPackage.readContract(contractFile);
    checkFolderNames(location, contract);
    download(s3, location, checkedFileName(contract.onnx().file()), directory);
    OnnxPredictor predictor = OnnxPredictor.load(ModelPackage.open(directory));
    LOG.atInfo()
        .addKeyValue("modelLocation", location.toString())
        .addKeyValue("modelName", contract.name())
        .addKeyValue("modelVersion", contract.version())
        .addKeyValue("sha256", contract.onnx().sha256())
        .addKeyValue("durationMs", (System.nanoTime() - start) / 1_000_000)
        .log("Loaded the model from S3");
    return new ImageClassifier(decoder, predictor, ImageClassifier.DEFAULT_TOP_K);
  }

  private static Path download(S3Client s3, ModelLocation location, String file, Path directory)
      throws ModelLoadException {
    Path target = directory.resolve(file);
    String uri = "s3://" + location.bucket() + "/" + location.key(file);
    try {
      s3.getObject(
          b -> b.bucket(location.bucket()).key(location.key(file)),
          ResponseTransformer.toFile(target));
      return target;
    } catch (NoSuchKeyException e) {
      throw notFound(uri, e);
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        throw notFound(uri, e);
      }
      throw new ModelLoadException(
          "Cannot read %s: S3 answered %d %s. Check that the function may s3:GetObject there"
              .formatted(uri, e.statusCode(), e.awsErrorDetails().errorCode()),
          e);
    } catch (SdkException e) {
      throw new ModelLoadException("Cannot read %s: %s".formatted(uri, e.getMessage()), e);
    }
  }

  private static ModelLoadException notFound(String uri, Exception cause) {
    return new ModelLoadException(
        "%s does not exist. Publish the model there with the training job's PublishModel, or set %s to a published model folder"
            .formatted(uri, ServingOptions.MODEL_LOCATION_VARIABLE),
        cause);
  }

  /** Checks that a folder in the publish layout, {@code .../<name>/<version>/}, names the model. */
  private static void checkFolderNames(ModelLocation location, ModelContract contract)
      throws ModelLoadException {
    String[] nameAndVersion = location.nameAndVersion();
    if (nameAndVersion.length == 2
        && !(nameAndVersion[0].equals(contract.name())
            && nameAndVersion[1].equals(contract.version()))) {
      throw new ModelLoadException(
          "%s holds model.json of %s version %s, not of %s version %s. Publish model folders with PublishModel, which names them after model.json"
              .formatted(
                  location,
                  contract.name(),
                  contract.version(),
                  nameAndVersion[0],
                  nameAndVersion[1]));
    }
  }

  /** Rejects an ONNX file name that would leave the folder, such as {@code ../x.onnx}. */
  private static String checkedFileName(String file) throws ModelLoadException {
    if (file.isEmpty() || file.contains("/") || file.contains("\\") || file.startsWith(".")) {
      throw new ModelLoadException(
          "model.json names the ONNX file '%s'; it must be a plain file name in the same folder, such as model.onnx"
              .formatted(file));
    }
    return file;
  }

  private static Path temporaryFolder() throws ModelLoadException {
    try {
      return Files.createTempDirectory("s3-model-");
    } catch (IOException e) {
      throw new ModelLoadException("Cannot create a folder for the model: " + e.getMessage(), e);
    }
  }
}
