package org.imageclassifier.core.image.jpeg;

import java.util.List;

/**
 * What a JPEG file declares before its first scan.
 *
 * @param width width in pixels, at least 1
 * @param height height in pixels, at least 1
 * @param progressive true for a progressive (SOF2) file, false for a sequential one (SOF0, SOF1)
 * @param adobeTransform the colour transform of an Adobe APP14 segment (0 = none or RGB, 1 = YCbCr,
 *     2 = YCCK), or -1 when the file has no such segment before its frame header
 * @param components the components in frame order: 1 for gray, 3 for YCbCr
 */
public record JpegHeader(
    int width,
    int height,
    boolean progressive,
    int adobeTransform,
    List<JpegComponent> components) {

  /** Copies the component list so that the header stays immutable. */
  public JpegHeader {
    components = List.copyOf(components);
  }

  /** Returns the number of pixels, width x height, as a long so that it cannot overflow. */
  public long pixelCount() {
    return (long) width * height;
  }

  /**
   * Returns the width of the image decoded at {@code 1/scaleDenominator} scale: the width divided
   * by the denominator, rounded up.
   */
  public int scaledWidth(int scaleDenominator) {
    return ceilDiv(width, scaleDenominator);
  }

  /**
   * Returns the height of the image decoded at {@code 1/scaleDenominator} scale: the height divided
   * by the denominator, rounded up.
   */
  public int scaledHeight(int scaleDenominator) {
    return ceilDiv(height, scaleDenominator);
  }

  private static int ceilDiv(int value, int divisor) {
    return (value + divisor - 1) / divisor;
  }
}
