package org.imageclassifier.core.image;

/**
 * Pixels in planar layout: all samples of channel 0, then channel 1, and so on, row by row. Each
 * sample is a float in [0, 255] whatever the bit depth of the source.
 *
 * @param channels 1 (gray) or 3 (RGB)
 * @param width width in pixels
 * @param height height in pixels
 * @param samples {@code channels * height * width} samples
 */
public record PixelPlanes(int channels, int width, int height, float[] samples) {

  /** Weights of ITU-R BT.601 luma, the gray conversion used by JPEG and most image libraries. */
  private static final float RED_WEIGHT = 0.299f;

  private static final float GREEN_WEIGHT = 0.587f;
  private static final float BLUE_WEIGHT = 0.114f;

  /** Creates planes after checking that the sample count matches the dimensions. */
  public PixelPlanes {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3, was " + channels);
    }
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("size must be positive, was " + width + "x" + height);
    }
    if (samples.length != channels * width * height) {
      throw new IllegalArgumentException(
          "expected %d samples for %dx%dx%d, was %d"
              .formatted(channels * width * height, channels, height, width, samples.length));
    }
  }

  /**
   * Creates gray planes from 8-bit samples, as stored in IDX files and gray PNGs.
   *
   * @param pixels unsigned 8-bit samples, row by row
   * @param offset index of the first sample in {@code pixels}
   */
  public static PixelPlanes ofGray(byte[] pixels, int offset, int width, int height) {
    float[] samples = new float[width * height];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = pixels[offset + i] & 0xFF;
    }
    return new PixelPlanes(1, width, height, samples);
  }

  /** Returns the number of pixels in one channel. */
  public int planeSize() {
    return width * height;
  }

  /**
   * Converts to the given channel count. Gray to RGB copies the gray plane three times, and RGB to
   * gray takes the BT.601 luma, so a gray pixel of 129 stays 129 either way.
   */
  public PixelPlanes toChannels(int target) {
    if (target == channels) {
      return this;
    }
    int size = planeSize();
    if (target == 3) {
      float[] rgb = new float[3 * size];
      for (int c = 0; c < 3; c++) {
        System.arraycopy(samples, 0, rgb, c * size, size);
      }
      return new PixelPlanes(3, width, height, rgb);
    }
    float[] gray = new float[size];
    for (int i = 0; i < size; i++) {
      gray[i] =
          RED_WEIGHT * samples[i]
              + GREEN_WEIGHT * samples[size + i]
              + BLUE_WEIGHT * samples[2 * size + i];
    }
    return new PixelPlanes(1, width, height, gray);
  }
}
