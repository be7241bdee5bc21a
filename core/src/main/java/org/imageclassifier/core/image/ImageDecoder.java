package org.imageclassifier.core.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes image bytes with javax.imageio. The format is detected from the bytes. The dimensions
 * are read from the header and checked against the pixel budget before any pixel buffer exists.
 * Large images are read with subsampling, so the full-resolution image is never held in memory.
 *
 * <p>Instances are thread-safe.
 */
public final class ImageDecoder {

  /** Default pixel budget: 100 megapixels, far above phone cameras and below header bombs. */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

  static {
    // Decode in memory: the default disk cache writes temporary files for every stream.
    ImageIO.setUseCache(false);
  }

  private final long maxPixels;

  /** Creates a decoder with the {@linkplain #DEFAULT_MAX_PIXELS default pixel budget}. */
  public ImageDecoder() {
    this(DEFAULT_MAX_PIXELS);
  }

  /**
   * Creates a decoder.
   *
   * @param maxPixels maximum width x height declared by an image header
   */
  public ImageDecoder(long maxPixels) {
    if (maxPixels <= 0) {
      throw new IllegalArgumentException("maxPixels must be positive, was " + maxPixels);
    }
    this.maxPixels = maxPixels;
  }

  /** Returns the pixel budget: the maximum width x height an image may declare. */
  public long maxPixels() {
    return maxPixels;
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
    try (ImageInputStream input =
        new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = readerFor(input, format);
      try {
        reader.setInput(input, true, true);
        return read(reader, format, channels, targetWidth, targetHeight);
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

  private DecodedImage read(
      ImageReader reader, ImageFormat format, int channels, int targetWidth, int targetHeight)
      throws IOException, ImageDecodeException {
    int width = reader.getWidth(0);
    int height = reader.getHeight(0);
    checkBudget(width, height);
    ImageReadParam param = reader.getDefaultReadParam();
    int step = subsamplingStep(width, height, targetWidth, targetHeight);
    param.setSourceSubsampling(step, step, 0, 0);
    BufferedImage image = readPixels(reader, param, format);
    PixelPlanes planes = RasterConverter.toPlanes(image, channels);
    return new DecodedImage(format, width, height, 1, planes);
  }

  private void checkBudget(int width, int height) throws ImageDecodeException {
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
