package org.imageclassifier.training;

import java.util.Arrays;

/**
 * Preprocessed images in one float buffer, NCHW layout, with their class indices.
 *
 * @param data {@code count * imageSize} floats, image after image
 * @param labels class index of each image
 * @param imageSize floats per image: channels x height x width
 */
public record TensorSet(float[] data, int[] labels, int imageSize) {

  /** Returns the number of images. */
  public int count() {
    return labels.length;
  }

  /** Returns the first {@code count} images, or all when there are fewer. */
  public TensorSet head(int count) {
    int kept = Math.min(count, count());
    float[] keptData = Arrays.copyOf(data, kept * imageSize);
    return new TensorSet(keptData, Arrays.copyOf(labels, kept), imageSize);
  }
}
