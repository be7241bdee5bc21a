package org.imageclassifier.training;

/**
 * Images read from an IDX file: unsigned 8-bit gray samples, image after image, row by row.
 *
 * @param count number of images
 * @param height rows per image, in pixels
 * @param width columns per image, in pixels
 * @param pixels {@code count * height * width} samples; read them with {@code & 0xFF}
 */
public record IdxImages(int count, int height, int width, byte[] pixels) {

  /** Returns the number of pixels in one image. */
  public int imageSize() {
    return height * width;
  }
}
