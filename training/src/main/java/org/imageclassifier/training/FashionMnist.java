package org.imageclassifier.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Fashion-MNIST data set as four gzip IDX files in one folder: 60,000 training and 10,000 test
 * images of 28x28 gray pixels in 10 classes.
 */
public final class FashionMnist {

  /** Data set name recorded in the model provenance. */
  public static final String NAME = "Fashion-MNIST";

  /** Folder of the Debian package {@code dataset-fashion-mnist}. */
  public static final Path DEBIAN_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

  /** Class labels in the order of the label indices 0 to 9. */
  public static final List<String> LABELS =
      List.of(
          "T-shirt/top",
          "Trouser",
          "Pullover",
          "Dress",
          "Coat",
          "Sandal",
          "Shirt",
          "Sneaker",
          "Bag",
          "Ankle boot");

  /** The two splits of the data set and the file name prefix of each. */
  public enum Split {
    /** The 60,000 training images. */
    TRAIN("train"),
    /** The 10,000 official test images. */
    TEST("t10k");

    private final String prefix;

    Split(String prefix) {
      this.prefix = prefix;
    }

    /** Returns the file name of the images of this split. */
    public String imagesFile() {
      return prefix + "-images-idx3-ubyte.gz";
    }

    /** Returns the file name of the labels of this split. */
    public String labelsFile() {
      return prefix + "-labels-idx1-ubyte.gz";
    }
  }

  private FashionMnist() {}

  /**
   * Loads the first images and labels of one split.
   *
   * @param directory folder with the four gzip IDX files
   * @param split which split to load
   * @param limit maximum number of images; 0 loads them all
   * @throws IdxFormatException when a file is missing or invalid, the image and label counts
   *     differ, or a label is outside [0, 9]
   */
  public static LabeledImages load(Path directory, Split split, int limit) throws IOException {
    requireDirectory(directory);
    Path imagesFile = directory.resolve(split.imagesFile());
    Path labelsFile = directory.resolve(split.labelsFile());
    IdxImages images = IdxReader.readImages(imagesFile, limit);
    int[] labels = IdxReader.readLabels(labelsFile, limit);
    if (images.count() != labels.length) {
      throw new IdxFormatException(
          "Image and label counts differ: %s has %d images, %s has %d labels"
              .formatted(imagesFile, images.count(), labelsFile, labels.length));
    }
    checkLabels(labelsFile, labels);
    return new LabeledImages(images, labels);
  }

  /**
   * Computes the SHA-256 of each of the four files.
   *
   * @return lowercase hex digests by file name, training files first
   */
  public static Map<String, String> checksums(Path directory) throws IOException {
    Map<String, String> checksums = new LinkedHashMap<>();
    for (Split split : Split.values()) {
      for (String file : List.of(split.imagesFile(), split.labelsFile())) {
        checksums.put(file, Checksums.sha256(directory.resolve(file)));
      }
    }
    return checksums;
  }

  private static void requireDirectory(Path directory) throws IdxFormatException {
    if (!Files.isDirectory(directory)) {
      throw new IdxFormatException(
          "Fashion-MNIST folder not found: %s. Install the Debian package dataset-fashion-mnist or pass --data-dir with the four gzip IDX files."
              .formatted(directory));
    }
  }

  private static void checkLabels(Path file, int[] labels) throws IdxFormatException {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= LABELS.size()) {
        throw new IdxFormatException(
            "Invalid label in %s: label %d of image %d is outside [0, %d]"
                .formatted(file, labels[i], i, LABELS.size() - 1));
      }
    }
  }
}
