package org.imageclassifier.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** Locations of the committed test data and helpers that lay out a SageMaker folder tree. */
final class TestData {

  /** Images in the committed training subset: the first 2,000 of the official file. */
  static final int TRAIN_IMAGES = 2000;

  /** Images in the committed official test set. */
  static final int TEST_IMAGES = 10_000;

  private TestData() {}

  /** Returns the channel folder with the training subset. */
  static Path fashionTrain() {
    return resource("/fashion-mnist/train");
  }

  /** Returns the channel folder with the official test files. */
  static Path fashionTest() {
    return resource("/fashion-mnist/test");
  }

  /** Returns the photo crops, with {@code train} and {@code test} folders of class folders. */
  static Path photos() {
    return resource("/photos");
  }

  static Path resource(String name) {
    try {
      return Path.of(TestData.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Test resource path is not a valid URI", e);
    }
  }

  /**
   * Lays out {@code root} as SageMaker's /opt/ml: copies each channel folder to input/data/NAME and
   * writes the hyperparameters as strings.
   */
  static void layOut(Path root, Map<String, Path> channels, Map<String, String> hyperparameters)
      throws IOException {
    for (Map.Entry<String, Path> channel : channels.entrySet()) {
      copyTree(channel.getValue(), root.resolve("input/data").resolve(channel.getKey()));
    }
    writeHyperparameters(root, hyperparameters);
  }

  static void writeHyperparameters(Path root, Map<String, String> hyperparameters)
      throws IOException {
    Path config = Files.createDirectories(root.resolve("input/config"));
    org.imageclassifier.core.model.ModelPackage.mapper()
        .writeValue(config.resolve("hyperparameters.json").toFile(), hyperparameters);
  }

  static void copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.toList()) {
        Path destination = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(path, destination);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
