package org.imageclassifier.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the inputs of the benchmarks: the model folder and the folder of test images that {@code
 * benchmarks/scripts/make-images} writes. Both come from system properties so that JMH's forked
 * JVMs see the same files.
 */
final class BenchmarkFiles {

  /** System property with the folder of model.json and model.onnx; default {@code model}. */
  static final String MODEL_PROPERTY = "bench.model";

  /** System property with the folder of the test images; default {@code target/bench-images}. */
  static final String IMAGES_PROPERTY = "bench.images";

  private BenchmarkFiles() {}

  /** Returns the model folder. */
  static Path modelDirectory() {
    return Path.of(System.getProperty(MODEL_PROPERTY, "model"));
  }

  /**
   * Reads one test image.
   *
   * @param name the file name in the image folder, such as {@code photo-12mp.jpg}
   * @throws UncheckedIOException naming the folder and the script that writes it
   */
  static byte[] image(String name) {
    Path file = Path.of(System.getProperty(IMAGES_PROPERTY, "target/bench-images")).resolve(name);
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the test image " + file + ". Run benchmarks/scripts/make-images first", e);
    }
  }
}
