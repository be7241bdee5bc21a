package org.imageclassifier.training;

import java.util.List;
import java.util.Map;
import org.imageclassifier.core.image.PixelPlanes;

/**
 * Labelled images read from one data channel, before preprocessing.
 *
 * <p>Implementations keep the images in memory.
 */
public interface LabeledDataset {

  /** Returns the number of images. */
  int count();

  /** Returns image {@code index}, 8-bit samples in planes, in its stored size and channels. */
  PixelPlanes pixels(int index);

  /** Returns the class index of each image, in [0, classes().size()). */
  int[] labels();

  /** Returns the class names, in label order. */
  List<String> classes();

  /** Returns a short name of the format, {@code idx} or {@code image-folder}. */
  String format();

  /** Returns lowercase hex SHA-256 digests of the source files, by file name. */
  Map<String, String> checksums();
}
