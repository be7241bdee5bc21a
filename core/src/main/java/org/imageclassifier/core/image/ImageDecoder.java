package org.imageclassifier.core.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes image bytes with javax.imageio. The format is detected from the bytes. The dimensions are
 * read from the header and checked against the pixel budget before any pixel buffer exists. Large
 * images are read with subsampling, so the full-resolution image is never held in memory.
 *
 * <p>Instances are thread-safe.
 */
public final class ImageDecoder {

  /**
   * Default pixel budget: 100 megapixels. Decoding time grows with the pixel count even with
   * subsampling, so the budget also bounds the time spent on one image.
   */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

  static {
    // Decode in memory: the default disk cache writes temporary files for every stream.
    ImageIO.setUseCache(false);
  }

  private final long maxPixels;
  private final PixelBudget budget;

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
    if (maxPixels <= 0) {
      throw new IllegalArgumentException("maxPixels must be positive, was " + maxPixels);
    }
    this.maxPixels = maxPixels;
    this.budget = PixelBudget.uniform(maxPixels);
  }

  /**
   * Creates a decoder with a pixel budget per format, such as {@link PixelBudget#forHeap}.
   *
   * @param budget the limits; not null
   */
  public ImageDecoder(PixelBudget budget) {
    this.budget = Objects.requireNonNull(budget, "budget");
    this.maxPixels = budget.streamedMaxPixels();
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
   * Decodes an image to the given channel count. Images at least twice the target size in both
   * dimensions are subsampled while reading, keeping at least twice the target size so that the
   * resize that follows still averages out aliasing.
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
    try (ImageInputStream input =
        new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = readerFor(input, format);
      try {
        reader.setInput(input, true, true);
        Target target = new Target(channels, targetWidth, targetHeight, orientation);
        return read(reader, format, target);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new ImageDecodeException(
          ErrorCode.CORRUPT_IMAGE, "Cannot decode " + format + " image: " + e.getMessage(), e);
    }
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

  private static ImageReader readerFor(ImageInputStream input, ImageFormat format)
      throws ImageDecodeException {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
    if (!readers.hasNext()) {
      throw unsupported(format);
    }
    return readers.next();
  }

  private static ImageDecodeException unsupported(ImageFormat format) {
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

  /** The requested channel count and displayed size, and the orientation to apply. */
  private record Target(int channels, int width, int height, int orientation) {

    boolean swapped() {
      return Orientation.swapsAxes(orientation);
    }

    /** Returns the target size in stored (not displayed) orientation. */
    int storedWidth() {
      return swapped() ? height : width;
    }

    int storedHeight() {
      return swapped() ? width : height;
    }
  }

  private DecodedImage read(ImageReader reader, ImageFormat format, Target target)
      throws IOException, ImageDecodeException {
    int width = readHeader(reader::getWidth, format);
    int height = readHeader(reader::getHeight, format);
    checkBudget(width, height, budget.maxPixels(format));
    ImageReadParam param = reader.getDefaultReadParam();
    int step = subsamplingStep(width, height, target.storedWidth(), target.storedHeight());
    param.setSourceSubsampling(step, step, 0, 0);
    BufferedImage image = readPixels(reader, param, format);
    PixelPlanes stored = RasterConverter.toPlanes(image, target.channels());
    PixelPlanes displayed = Orientation.apply(stored, target.orientation());
    return new DecodedImage(
        format,
        target.swapped() ? height : width,
        target.swapped() ? width : height,
        target.orientation(),
        displayed);
  }

  private static void checkBudget(int width, int height, long maxPixels)
      throws ImageDecodeException {
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

  /** Returns the largest step that keeps both subsampled sides at least twice the target side. */
  static int subsamplingStep(int width, int height, int targetWidth, int targetHeight) {
    int step = Math.min(width / (2 * targetWidth), height / (2 * targetHeight));
    return Math.max(1, step);
  }

  /** A header field that a reader parses on first access, such as its width. */
  private interface HeaderField {
    int read(int imageIndex) throws IOException;
  }

  /**
   * Reads a header field of the first image. Readers parse the header on first access and some
   * signal damaged headers with unchecked exceptions: TwelveMonkeys' JPEG reader throws
   * NegativeArraySizeException for a comment segment whose length field is 0.
   */
  private static int readHeader(HeaderField field, ImageFormat format)
      throws IOException, ImageDecodeException {
    try {
      return field.read(0);
    } catch (RuntimeException e) {
      throw new ImageDecodeException(
          ErrorCode.CORRUPT_IMAGE, "The " + format + " image header is damaged: " + e, e);
    }
  }

  private static BufferedImage readPixels(
      ImageReader reader, ImageReadParam param, ImageFormat format) throws ImageDecodeException {
    try {
      return reader.read(0, param);
    } catch (IOException | RuntimeException e) {
      // ImageIO readers signal damaged input with IIOException, but also with
      // IndexOutOfBounds, IllegalArgument and NegativeArraySize exceptions.
      throw new ImageDecodeException(
          ErrorCode.CORRUPT_IMAGE,
          "The " + format + " image is damaged and cannot be decoded: " + e.getMessage(),
          e);
    }
  }
}
