package org.imageclassifier.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.imageclassifier.core.image.PixelPlanes;

/**
 * A channel with one pair of gzip IDX files in the MNIST layout: {@code *-images-idx3-ubyte.gz}
 * (8-bit gray images) and {@code *-labels-idx1-ubyte.gz} (one label byte per image).
 *
 * @param images the images
 * @param labels one class index per image
 * @param classes class names in label order
 * @param checksums SHA-256 of the two files
 */
public record IdxDataset(
    IdxImages images, int[] labels, List<String> classes, Map<String, String> checksums)
    implements LabeledDataset {

  /** Suffix of an IDX image file. */
  public static final String IMAGES_SUFFIX = "-images-idx3-ubyte.gz";

  /** Suffix of an IDX label file. */
  public static final String LABELS_SUFFIX = "-labels-idx1-ubyte.gz";

  /** Returns whether {@code directory} holds an IDX image file. */
  public static boolean isIdx(Path directory) throws IOException {
    return !find(directory, IMAGES_SUFFIX).isEmpty();
  }

  /**
   * Reads the channel.
   *
   * @param classes class names; every label must be below its size
   * @param limit read at most this many images; 0 reads all
   * @throws IdxFormatException when the folder has not exactly one file of each kind, a file is
   *     invalid, the counts differ or a label is out of range
   */
  public static IdxDataset read(Path directory, List<String> classes, int limit)
      throws IOException {
    Path imagesFile = single(directory, IMAGES_SUFFIX);
    Path labelsFile = single(directory, LABELS_SUFFIX);
    IdxImages images = IdxReader.readImages(imagesFile, limit);
    int[] labels = IdxReader.readLabels(labelsFile, limit);
    if (images.count() != labels.length) {
      throw new IdxFormatException(
          "Image and label counts differ: %s has %d images, %s has %d labels"
              .formatted(imagesFile, images.count(), labelsFile, labels.length));
    }
    checkLabels(labelsFile, labels, classes.size());
    Map<String, String> checksums = new LinkedHashMap<>();
    checksums.put(imagesFile.getFileName().toString(), Checksums.sha256(imagesFile));
    checksums.put(labelsFile.getFileName().toString(), Checksums.sha256(labelsFile));
    return new IdxDataset(images, labels, List.copyOf(classes), checksums);
  }

  @Override
  public int count() {
    return labels.length;
  }

  @Override
  public PixelPlanes pixels(int index) {
    return PixelPlanes.ofGray(
        images.pixels(), index * images.imageSize(), images.width(), images.height());
  }

  @Override
  public String format() {
    return "idx";
  }

  private static Path single(Path directory, String suffix) throws IOException {
    List<Path> files = find(directory, suffix);
    if (files.size() != 1) {
      throw new IdxFormatException(
          "Expected exactly one *%s file in %s, found %d: %s. Put one IDX image file and its label file in each channel."
              .formatted(suffix, directory, files.size(), files));
    }
    return files.getFirst();
  }

  private static List<Path> find(Path directory, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return new ArrayList<>(
          files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList());
    }
  }

  private static void checkLabels(Path file, int[] labels, int classCount)
      throws IdxFormatException {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= classCount) {
        throw new IdxFormatException(
            "Invalid label in %s: label %d of image %d is outside [0, %d]. Set the class_names hyperparameter to one name per label."
                .formatted(file, labels[i], i, classCount - 1));
      }
    }
  }
}
