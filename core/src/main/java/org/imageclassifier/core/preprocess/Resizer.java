package org.imageclassifier.core.preprocess;

import org.imageclassifier.core.image.PixelPlanes;
import org.imageclassifier.core.model.ResizeMethod;

/**
 * Separable image resizing in plain Java over float planes: rows first, then columns, each with a
 * precomputed table of source indices and weights per output pixel.
 */
public final class Resizer {

  private Resizer() {}

  /**
   * Resizes every channel to the target size. Returns the input itself when the size already
   * matches.
   *
   * @param source pixels to resize
   * @param width target width in pixels
   * @param height target height in pixels
   * @param method {@link ResizeMethod#AREA} averages when shrinking and interpolates when
   *     enlarging; {@link ResizeMethod#BILINEAR} always interpolates
   */
  public static PixelPlanes resize(PixelPlanes source, int width, int height, ResizeMethod method) {
    if (source.width() == width && source.height() == height) {
      return source;
    }
    Kernel horizontal = Kernel.of(source.width(), width, method);
    Kernel vertical = Kernel.of(source.height(), height, method);
    int channels = source.channels();
    float[] out = new float[channels * width * height];
    float[] rows = new float[width * source.height()];
    for (int c = 0; c < channels; c++) {
      int sourceBase = c * source.planeSize();
      resizeRows(source.samples(), sourceBase, source.width(), source.height(), horizontal, rows);
      resizeColumns(rows, width, vertical, out, c * width * height);
    }
    return new PixelPlanes(channels, width, height, out);
  }

  private static void resizeRows(
      float[] source, int base, int sourceWidth, int rowCount, Kernel kernel, float[] rows) {
    int width = kernel.outputSize();
    for (int y = 0; y < rowCount; y++) {
      int rowStart = base + y * sourceWidth;
      for (int x = 0; x < width; x++) {
        rows[y * width + x] = kernel.apply(source, rowStart, 1, x);
      }
    }
  }

  private static void resizeColumns(
      float[] rows, int width, Kernel kernel, float[] out, int outBase) {
    int height = kernel.outputSize();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        out[outBase + y * width + x] = kernel.apply(rows, x, width, y);
      }
    }
  }

  /** For each output index, the first source index and the weights of consecutive sources. */
  record Kernel(int[] starts, float[][] weights) {

    int outputSize() {
      return starts.length;
    }

    float apply(float[] data, int base, int stride, int outputIndex) {
      float[] w = weights[outputIndex];
      int index = base + starts[outputIndex] * stride;
      float sum = 0;
      for (float weight : w) {
        sum += weight * data[index];
        index += stride;
      }
      return sum;
    }

    static Kernel of(int sourceSize, int targetSize, ResizeMethod method) {
      if (method == ResizeMethod.AREA && targetSize < sourceSize) {
        return area(sourceSize, targetSize);
      }
      return bilinear(sourceSize, targetSize);
    }

    /** Weights proportional to the overlap of each source pixel with the output pixel. */
    static Kernel area(int sourceSize, int targetSize) {
      double ratio = (double) sourceSize / targetSize;
      int[] starts = new int[targetSize];
      float[][] weights = new float[targetSize][];
      for (int i = 0; i < targetSize; i++) {
        double from = i * ratio;
        double to = Math.min(sourceSize, (i + 1) * ratio);
        int first = (int) Math.floor(from);
        int last = Math.min(sourceSize - 1, (int) Math.ceil(to) - 1);
        float[] w = new float[last - first + 1];
        for (int s = first; s <= last; s++) {
          double overlap = Math.min(to, s + 1) - Math.max(from, s);
          w[s - first] = (float) (overlap / (to - from));
        }
        starts[i] = first;
        weights[i] = w;
      }
      return new Kernel(starts, weights);
    }

    /** Linear interpolation between the two nearest source centres (half-pixel aligned). */
    static Kernel bilinear(int sourceSize, int targetSize) {
      double ratio = (double) sourceSize / targetSize;
      int[] starts = new int[targetSize];
      float[][] weights = new float[targetSize][];
      for (int i = 0; i < targetSize; i++) {
        double centre = Math.max(0, (i + 0.5) * ratio - 0.5);
        int left = Math.min((int) Math.floor(centre), sourceSize - 1);
        int right = Math.min(left + 1, sourceSize - 1);
        float fraction = (float) (centre - left);
        starts[i] = left;
        weights[i] = right == left ? new float[] {1f} : new float[] {1f - fraction, fraction};
      }
      return new Kernel(starts, weights);
    }
  }
}
