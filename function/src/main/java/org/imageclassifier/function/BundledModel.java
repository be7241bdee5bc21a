package org.imageclassifier.function;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.imageclassifier.core.ImageClassifier;
import org.imageclassifier.core.image.ImageDecoder;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.ModelLoadException;
import org.imageclassifier.core.model.ModelPackage;
import org.imageclassifier.core.model.OnnxPredictor;

/**
 * Loads the default model bundled in the function jar under {@code model/}: model.json and the ONNX
 * file it names are copied to a temporary folder (under /tmp on Lambda), then opened with the
 * checksum check and loaded on OnnxRuntime. ONNX Runtime loads its native libraries in place when
 * the deployment zip holds them unpacked (see {@link OnnxRuntimeNatives}).
 */
final class BundledModel {

  /** Classpath folder of the bundled model. */
  static final String RESOURCE_FOLDER = "model/";

  private BundledModel() {}

  /**
   * Loads the bundled model with the default decoder.
   *
   * @throws ModelLoadException when a file is missing from the jar, cannot be copied, or the model
   *     is invalid
   */
  static ImageClassifier load() throws ModelLoadException {
    return load(new ImageDecoder());
  }

  /**
   * Loads the bundled model with the given decoder, which carries the pixel budget.
   *
   * @throws ModelLoadException when a file is missing from the jar, cannot be copied, or the model
   *     is invalid
   */
  static ImageClassifier load(ImageDecoder decoder) throws ModelLoadException {
    OnnxRuntimeNatives.useUnpackedLibraries();
    try {
      Path directory = Files.createTempDirectory("bundled-model-");
      Path contractFile = copy(ModelPackage.CONTRACT_FILE, directory);
      ModelContract contract = ModelPackage.readContract(contractFile);
      copy(contract.onnx().file(), directory);
      OnnxPredictor predictor = OnnxPredictor.load(ModelPackage.open(directory));
      return new ImageClassifier(decoder, predictor, ImageClassifier.DEFAULT_TOP_K);
    } catch (IOException e) {
      throw new ModelLoadException("Cannot copy the bundled model: " + e.getMessage(), e);
    }
  }

  private static Path copy(String fileName, Path directory) throws IOException, ModelLoadException {
    String resource = RESOURCE_FOLDER + fileName;
    try (InputStream in = BundledModel.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ModelLoadException(
            "The function jar has no "
                + resource
                + ". Put model.json and the ONNX file in model/ at the repository root and rebuild the function");
      }
      Path target = directory.resolve(fileName);
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    }
  }
}
