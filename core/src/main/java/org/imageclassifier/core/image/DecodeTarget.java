package org.imageclassifier.core.image;

/**
 * The channel count and displayed size that a decode is for, and the EXIF orientation to apply.
 *
 * @param channels channel count of the result, 1 or 3
 * @param width width the caller will resize to, as displayed
 * @param height height the caller will resize to, as displayed
 * @param orientation EXIF orientation, 1 to 8
 */
record DecodeTarget(int channels, int width, int height, int orientation) {

  boolean swapped() {
    return Orientation.swapsAxes(orientation);
  }

  /** Returns the target width in stored, not displayed, orientation. */
  int storedWidth() {
    return swapped() ? height : width;
  }

  /** Returns the target height in stored, not displayed, orientation. */
  int storedHeight() {
    return swapped() ? width : height;
  }

  /** Turns stored pixels and the stored size into the displayed image. */
  DecodedImage display(ImageFormat format, int storedWidth, int storedHeight, PixelPlanes stored) {
    PixelPlanes displayed = Orientation.apply(stored, orientation);
    return new DecodedImage(
        format,
        swapped() ? storedHeight : storedWidth,
        swapped() ? storedWidth : storedHeight,
        orientation,
        displayed);
  }

  /**
   * Throws when the declared size is empty or above {@code maxPixels}; called before any pixel
   * buffer exists.
   */
  static void checkBudget(int width, int height, long maxPixels) throws ImageDecodeException {
    if (width <= 0 || height <= 0) {
      throw new ImageDecodeException(
          ErrorCode.CORRUPT_IMAGE,
          "The image header declares an empty size " + width + "x" + height);
    }
    long pixels = (long) width * height;
    if (pixels > maxPixels) {
      throw new ImageDecodeException(
          ErrorCode.IMAGE_TOO_LARGE,
          "The image is %dx%d (%d pixels), above the limit of %d pixels; resize it before uploading"
              .formatted(width, height, pixels, maxPixels));
    }
  }
}
