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

  /** Copies the images at {@code order[from..to)} into one new NCHW buffer. */
  static float[] gather(TensorSet set, int[] order, int from, int to) {
    int size = set.imageSize();
    float[] batch = new float[(to - from) * size];
    for (int i = from; i < to; i++) {
      System.arraycopy(set.data(), order[i] * size, batch, (i - from) * size, size);
    }
    return batch;
  }

  /** Returns the labels of the images at {@code order[from..to)}. */
  static int[] gatherLabels(TensorSet set, int[] order, int from, int to) {
    int[] labels = new int[to - from];
    for (int i = from; i < to; i++) {
      labels[i - from] = set.labels()[order[i]];
    }
    return labels;
  }

  /** Returns the images at {@code indices}, in that order. */
  public TensorSet select(int[] indices) {
    return new TensorSet(
        gather(this, indices, 0, indices.length),
        gatherLabels(this, indices, 0, indices.length),
        imageSize);
  }
}
