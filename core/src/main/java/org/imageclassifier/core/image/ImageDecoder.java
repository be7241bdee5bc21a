package org.imageclassifier.core.image;

import java.util.Objects;
import java.util.Optional;

/**
 * Decodes image bytes: JPEG with a scaled decoder in plain Java where it can, everything else with
 * javax.imageio. The format is detected from the bytes. The dimensions are read from the header and
 * checked against the pixel budget before any pixel buffer exists. Large images are read at reduced
 * scale, so the full-resolution image is never held in memory by the streamed formats.
 *
 * <p>Instances are thread-safe.
 */
public final class ImageDecoder {

  /**
   * Default pixel budget: 100 megapixels. Decoding time grows with the pixel count even with
   * subsampling, so the budget also bounds the time spent on one image.
   */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

  private final long maxPixels;
  private final PixelBudget budget;
  private final ScaledJpegPath scaledJpeg;
  private final ImageIoDecoder imageIo;

  /** Creates a decoder with the {@linkplain #DEFAULT_MAX_PIXELS default pixel budget}. */
  public ImageDecoder() {
    this(DEFAULT_MAX_PIXELS);
  }

  /**
   * Creates a decoder with the same pixel budget for every format.
   *
   * @param maxPixels maximum width x height declared by an image header
   */
  public ImageDecoder(long maxPixels) {
    this(PixelBudget.uniform(maxPixels));
  }

  /**
   * Creates a decoder with a pixel budget per format, such as {@link PixelBudget#forHeap}.
   *
   * @param budget the limits; not null
   */
  public ImageDecoder(PixelBudget budget) {
    this.budget = Objects.requireNonNull(budget, "budget");
    this.maxPixels = budget.streamedMaxPixels();
    this.scaledJpeg = new ScaledJpegPath(budget.maxPixels(ImageFormat.JPEG));
    this.imageIo = new ImageIoDecoder(budget);
  }

  /** Returns the pixel budget of JPEG, PNG and GIF: the maximum width x height they may declare. */
  public long maxPixels() {
    return maxPixels;
  }

  /** Returns the pixel budget of every format. */
  public PixelBudget budget() {
    return budget;
  }

  /**
   * Decodes an image to the given channel count, with the EXIF orientation applied. Images at least
   * twice the target size in both dimensions are read at reduced scale, keeping at least twice the
   * target size so that the resize that follows still averages out aliasing. JPEG files go through
   * the scaled JPEG decoder when it supports them, else through javax.imageio.
   *
   * @param bytes the encoded image
   * @param channels channel count of the result, 1 or 3
   * @param targetWidth the width the caller will resize to
   * @param targetHeight the height the caller will resize to
   * @throws ImageDecodeException when the bytes are empty, not an image, unsupported, corrupt or
   *     above the pixel budget
   */
  public DecodedImage decode(byte[] bytes, int channels, int targetWidth, int targetHeight)
      throws ImageDecodeException {
    ImageFormat format = detectDecodable(bytes);
    int orientation = checkVariant(bytes, format);
    DecodeTarget target = new DecodeTarget(channels, targetWidth, targetHeight, orientation);
    if (format == ImageFormat.JPEG) {
      Optional<DecodedImage> scaled = scaledJpeg.decode(bytes, target);
      if (scaled.isPresent()) {
        return scaled.get();
      }
    }
    return imageIo.decode(bytes, format, target);
  }

  private static ImageFormat detectDecodable(byte[] bytes) throws ImageDecodeException {
    if (bytes == null || bytes.length == 0) {
      throw new ImageDecodeException(ErrorCode.EMPTY_IMAGE, "The image is empty (0 bytes)");
    }
    ImageFormat format = ImageFormat.detect(bytes);
    if (format == ImageFormat.UNKNOWN) {
      throw new ImageDecodeException(
          ErrorCode.NOT_AN_IMAGE,
          "The bytes are not an image: expected JPEG, PNG, GIF, BMP, TIFF or WebP");
    }
    if (!format.decodable()) {
      throw unsupported(format);
    }
    return format;
  }

  static ImageDecodeException unsupported(ImageFormat format) {
    return new ImageDecodeException(
        ErrorCode.UNSUPPORTED_FORMAT,
        "Unsupported image format " + format + ": send JPEG, PNG, GIF, BMP, TIFF or WebP");
  }

  /**
   * Rejects variants of decodable formats that cannot be decoded correctly, and returns the EXIF
   * orientation of a JPEG (1 for other formats).
   */
  private static int checkVariant(byte[] bytes, ImageFormat format) throws ImageDecodeException {
    if (format == ImageFormat.WEBP && isAnimatedWebp(bytes)) {
      throw new ImageDecodeException(
          ErrorCode.UNSUPPORTED_FORMAT,
          "Animated WebP is not supported: send one frame as a still image");
    }
    if (format != ImageFormat.JPEG) {
      return 1;
    }
    JpegStructure jpeg = JpegStructure.scan(bytes);
    if (jpeg.frameMarker() != -1 && !jpeg.huffmanCoded()) {
      throw new ImageDecodeException(
          ErrorCode.UNSUPPORTED_FORMAT,
          "Unsupported JPEG coding: "
              + jpeg.processName()
              + "; send a baseline or progressive JPEG");
    }
    if (jpeg.frameMarker() != -1 && !jpeg.complete()) {
      throw new ImageDecodeException(
          ErrorCode.CORRUPT_IMAGE, "The JPEG image is truncated: it has no end-of-image marker");
    }
    return jpeg.orientation();
  }

  /** Returns whether the extended WebP header (VP8X) has the animation flag set. */
  private static boolean isAnimatedWebp(byte[] bytes) {
    boolean extended =
        bytes.length > 20
            && ImageFormat.detect(bytes) == ImageFormat.WEBP
            && bytes[12] == 'V'
            && bytes[13] == 'P'
            && bytes[14] == '8'
            && bytes[15] == 'X';
    return extended && (bytes[20] & 0x02) != 0;
  }
}
