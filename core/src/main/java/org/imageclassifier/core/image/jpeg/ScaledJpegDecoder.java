package org.imageclassifier.core.image.jpeg;

import org.imageclassifier.core.image.ErrorCode;
import org.imageclassifier.core.image.ImageDecodeException;
import org.imageclassifier.core.image.PixelPlanes;

/**
 * Decodes JPEG files at 1/1, 1/2, 1/4 or 1/8 scale without building the full-size image, the way
 * libjpeg's scaled decoding does. At 1/8 each 8x8 block becomes one pixel, its DC coefficient
 * divided by 8, so AC coefficients are only Huffman-decoded to be skipped and a progressive file
 * skips its AC scans entirely. At 1/4 and 1/2 an inverse DCT fused with area averaging gives the
 * exact mean of each 4x4 or 2x2 pixel group, so a scaled decode matches a full decode followed by a
 * box downscale up to rounding. At 1/8 a progressive file keeps only the DC of subsampled chroma
 * too, which halves the chroma resolution of the output.
 *
 * <p>Supported: 8-bit baseline, extended sequential and progressive Huffman coding, gray and YCbCr
 * files with sampling factor ratios of 1, 2 or 4 (4:4:4, 4:2:2, 4:2:0, 4:4:0, 4:1:1), restart
 * intervals. Chroma that is still subsampled at the chosen scale is repeated, not interpolated.
 * Other files throw {@link UnsupportedJpegException}, so that the caller can use ImageIO instead.
 *
 * <p>Memory: the output planes plus one plane per component at the output scale (at 1/8, one float
 * per luma block). Progressive files also store coefficients: 1 short per block at 1/8, else 64
 * shorts and a 64-bit mask per block. ICC profiles are ignored, as djpeg does. Instances are
 * immutable and thread-safe.
 */
public final class ScaledJpegDecoder {

  /**
   * Pixels above which a decode at 1/1 scale would need a Java array longer than {@code
   * Integer.MAX_VALUE}: three output planes, each padded to whole 32-pixel MCUs. Applies whatever
   * the pixel budget.
   */
  public static final long MAX_ARRAY_PIXELS = Integer.MAX_VALUE / 3 - 64L * 65_536;

  private final long maxPixels;

  /**
   * Creates a decoder.
   *
   * @param maxPixels the pixel budget: the largest width x height a header may declare. Values
   *     above {@value #MAX_ARRAY_PIXELS} act as that limit, the most one Java array holds.
   */
  public ScaledJpegDecoder(long maxPixels) {
    if (maxPixels <= 0) {
      throw new IllegalArgumentException("maxPixels must be positive, was " + maxPixels);
    }
    this.maxPixels = maxPixels;
  }

  /**
   * Reads the segments up to the frame header.
   *
   * @param jpeg the whole JPEG file
   * @return the header; never null
   * @throws ImageDecodeException with {@link ErrorCode#CORRUPT_IMAGE} when the file is damaged
   *     before or in its frame header
   * @throws UnsupportedJpegException when the frame uses a feature that {@link #decode} lacks
   */
  public JpegHeader readHeader(byte[] jpeg) throws ImageDecodeException, UnsupportedJpegException {
    return new JpegStreamDecoder(jpeg).readHeader();
  }

  /**
   * Decodes a JPEG file at reduced scale.
   *
   * @param jpeg the whole JPEG file
   * @param scaleDenominator 1, 2, 4 or 8: the output is {@code ceil(width / scaleDenominator) x
   *     ceil(height / scaleDenominator)}
   * @param channels 1 for luma (the Y plane of a colour file, BT.601) or gray, 3 for RGB
   * @return planar samples in [0, 255]; never null
   * @throws ImageDecodeException with {@link ErrorCode#IMAGE_TOO_LARGE} when width x height exceeds
   *     the pixel budget, checked before any pixel buffer exists, or {@link
   *     ErrorCode#CORRUPT_IMAGE} when the file is damaged or truncated
   * @throws UnsupportedJpegException when the file uses a feature this decoder lacks
   */
  public PixelPlanes decode(byte[] jpeg, int scaleDenominator, int channels)
      throws ImageDecodeException, UnsupportedJpegException {
    checkArguments(scaleDenominator, channels);
    JpegStreamDecoder stream = new JpegStreamDecoder(jpeg);
    JpegHeader header = stream.readHeader();
    checkBudget(header);
    return stream.decode(scaleDenominator, channels);
  }

  /**
   * Returns the largest scale denominator (8, 4, 2 or 1) whose output is still at least {@code
   * minWidth x minHeight}.
   */
  public static int scaleDenominatorFor(int width, int height, int minWidth, int minHeight) {
    for (int denominator = 8; denominator > 1; denominator /= 2) {
      if (Frame.ceilDiv(width, denominator) >= minWidth
          && Frame.ceilDiv(height, denominator) >= minHeight) {
        return denominator;
      }
    }
    return 1;
  }

  private static void checkArguments(int scaleDenominator, int channels) {
    if (scaleDenominator != 1
        && scaleDenominator != 2
        && scaleDenominator != 4
        && scaleDenominator != 8) {
      throw new IllegalArgumentException(
          "scaleDenominator must be 1, 2, 4 or 8, was " + scaleDenominator);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3, was " + channels);
    }
  }

  private void checkBudget(JpegHeader header) throws ImageDecodeException {
    if (header.pixelCount() > Math.min(maxPixels, MAX_ARRAY_PIXELS)) {
      throw new ImageDecodeException(
          ErrorCode.IMAGE_TOO_LARGE,
          "The image is %dx%d (%d pixels), above the limit of %d pixels; resize it before uploading"
              .formatted(
                  header.width(),
                  header.height(),
                  header.pixelCount(),
                  Math.min(maxPixels, MAX_ARRAY_PIXELS)));
    }
  }
}
