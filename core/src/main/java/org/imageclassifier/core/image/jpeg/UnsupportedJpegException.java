package org.imageclassifier.core.image.jpeg;

/**
 * Thrown when a JPEG file uses a feature that {@link ScaledJpegDecoder} does not implement, such as
 * arithmetic coding, 12-bit samples or CMYK. The file may well be valid, so the caller should
 * decode it with a general decoder such as ImageIO instead of rejecting it.
 */
public class UnsupportedJpegException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String feature;

  /**
   * Creates the exception.
   *
   * @param feature the unsupported feature in a few words, for example "arithmetic coding"
   */
  public UnsupportedJpegException(String feature) {
    super("The JPEG image uses " + feature + ", which the scaled decoder does not support");
    this.feature = feature;
  }

  /** Returns the unsupported feature in a few words, for example "arithmetic coding". */
  public String feature() {
    return feature;
  }
}
