package org.imageclassifier.core.image;

/**
 * Applies an EXIF orientation (1 to 8) to pixels, so they appear as a viewer displays them.
 * Orientations 5 to 8 swap width and height: a 40x20 image with orientation 6 becomes 20x40.
 */
public final class Orientation {

  private Orientation() {}

  /** Returns whether the orientation swaps width and height. */
  public static boolean swapsAxes(int orientation) {
    return orientation >= 5 && orientation <= 8;
  }

  /**
   * Returns the pixels as displayed under the given orientation.
   *
   * @param pixels the stored pixels
   * @param orientation EXIF orientation; 1 and invalid values return the input unchanged
   */
  public static PixelPlanes apply(PixelPlanes pixels, int orientation) {
    if (orientation < 2 || orientation > 8) {
      return pixels;
    }
    int width = pixels.width();
    int height = pixels.height();
    int outWidth = swapsAxes(orientation) ? height : width;
    int outHeight = swapsAxes(orientation) ? width : height;
    float[] out = new float[pixels.samples().length];
    for (int c = 0; c < pixels.channels(); c++) {
      int base = c * width * height;
      for (int y = 0; y < outHeight; y++) {
        for (int x = 0; x < outWidth; x++) {
          out[base + y * outWidth + x] =
              pixels.samples()[base + sourceIndex(orientation, x, y, width, height)];
        }
      }
    }
    return new PixelPlanes(pixels.channels(), outWidth, outHeight, out);
  }

  /** Maps a displayed pixel (x, y) to its index in the stored image. */
  private static int sourceIndex(int orientation, int x, int y, int width, int height) {
    return switch (orientation) {
      case 2 -> y * width + (width - 1 - x);
      case 3 -> (height - 1 - y) * width + (width - 1 - x);
      case 4 -> (height - 1 - y) * width + x;
      case 5 -> x * width + y;
      case 6 -> (height - 1 - x) * width + y;
      case 7 -> (height - 1 - x) * width + (width - 1 - y);
      case 8 -> x * width + (width - 1 - y);
      default -> y * width + x;
    };
  }
}
