package org.imageclassifier.training;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Locations of the committed Fashion-MNIST subset. */
final class TestData {

  /** Images in the committed training subset: the first 2,000 of the official file. */
  static final int TRAIN_IMAGES = 2000;

  /** Images in the committed test subset: the first 500 of the official file. */
  static final int TEST_IMAGES = 500;

  private TestData() {}

  /** Returns the folder with the four gzip IDX files of the subset. */
  static Path subsetDirectory() {
    try {
      return Path.of(TestData.class.getResource("/fashion-mnist-subset").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Test resource path is not a valid URI", e);
    }
  }
}
