package org.imageclassifier.training;

import java.util.Random;

/**
 * Applies {@link Hyperparameters.Augmentation} to preprocessed NCHW images in place: a random shift
 * of up to {@code cropPadding} pixels in each direction, which equals padding every side and
 * cropping back to the input size, and a horizontal flip of half of the images. Pixels shifted in
 * from outside are filled with the value a black pixel normalises to.
 */
final class Augmenter {

  private final Hyperparameters.Augmentation settings;
  private final int channels;
  private final int height;
  private final int width;
  private final float[] fill;

  /**
   * Creates an augmenter.
   *
   * @param fill value of a black pixel after normalisation, per channel
   */
  Augmenter(Hyperparameters.Augmentation settings, NetworkSpec spec, float[] fill) {
    this.settings = settings;
    this.channels = spec.channels();
    this.height = spec.height();
    this.width = spec.width();
    this.fill = fill.clone();
  }

  /** Changes each of {@code count} images in {@code batch} with draws from {@code random}. */
  void apply(float[] batch, int count, Random random) {
    if (!settings.enabled()) {
      return;
    }
    float[] source = new float[height * width];
    int padding = settings.cropPadding();
    for (int image = 0; image < count; image++) {
      int dx = padding == 0 ? 0 : random.nextInt(2 * padding + 1) - padding;
      int dy = padding == 0 ? 0 : random.nextInt(2 * padding + 1) - padding;
      boolean flip = settings.horizontalFlip() && random.nextBoolean();
      for (int c = 0; c < channels; c++) {
        int offset = (image * channels + c) * height * width;
        System.arraycopy(batch, offset, source, 0, source.length);
        transform(source, batch, offset, new Move(dx, dy, flip, fill[c]));
      }
    }
  }

  /** A shift by (dx, dy) pixels, then an optional mirror, with the fill for uncovered pixels. */
  private record Move(int dx, int dy, boolean flip, float fill) {}

  private void transform(float[] source, float[] target, int offset, Move move) {
    for (int y = 0; y < height; y++) {
      int sourceY = y + move.dy();
      for (int x = 0; x < width; x++) {
        int shiftedX = move.flip() ? width - 1 - x : x;
        int sourceX = shiftedX + move.dx();
        boolean inside = sourceY >= 0 && sourceY < height && sourceX >= 0 && sourceX < width;
        target[offset + y * width + x] = inside ? source[sourceY * width + sourceX] : move.fill();
      }
    }
  }
}
