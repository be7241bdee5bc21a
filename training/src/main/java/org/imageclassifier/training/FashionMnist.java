package org.imageclassifier.training;

import java.nio.file.Path;
import java.util.List;

/**
 * The Fashion-MNIST data set: 60,000 training and 10,000 test images of 28x28 gray pixels in 10
 * classes, as gzip IDX files in the MNIST layout.
 */
public final class FashionMnist {

  /** Data set name. */
  public static final String NAME = "Fashion-MNIST";

  /** Folder of the Debian package {@code dataset-fashion-mnist}. */
  public static final Path DEBIAN_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

  /** Class labels in the order of the label indices 0 to 9, the default for IDX channels. */
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

  private FashionMnist() {}
}
