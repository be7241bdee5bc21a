package org.imageclassifier.core.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes with the javax.imageio reader that recognises the bytes (the JDK's, or a TwelveMonkeys
 * plugin for CMYK JPEG and WebP), reading with source subsampling.
 */
final class ImageIoDecoder {

  private final PixelBudget budget;

  ImageIoDecoder(PixelBudget budget) {
    this.budget = budget;
  }

  DecodedImage decode(byte[] bytes, ImageFormat format, DecodeTarget target)
      throws ImageDecodeException {
    InMemory.use();
    try (ImageInputStream input = new ByteArrayImageInputStream(bytes)) {
      ImageReader reader = readerFor(input, format);
      try {
        reader.setInput(input, true, true);
        return read(reader, format, target);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new ImageDecodeException(
          ErrorCode.CORRUPT_IMAGE, "Cannot decode " + format + " image: " + e.getMessage(), e);
    }
  }

  private static ImageReader readerFor(ImageInputStream input, ImageFormat format)
      throws ImageDecodeException {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
    if (!readers.hasNext()) {
      throw ImageDecoder.unsupported(format);
    }
    return readers.next();
  }

  private DecodedImage read(ImageReader reader, ImageFormat format, DecodeTarget target)
      throws IOException, ImageDecodeException {
    int width = readHeader(reader::getWidth, format);
    int height = readHeader(reader::getHeight, format);
    DecodeTarget.checkBudget(width, height, budget.maxPixels(format));
    ImageReadParam param = reader.getDefaultReadParam();
    int step = subsamplingStep(width, height, target.storedWidth(), target.storedHeight());
    param.setSourceSubsampling(step, step, 0, 0);
    BufferedImage image = readPixels(reader, param, format);
    PixelPlanes stored = RasterConverter.toPlanes(image, target.channels());
    return target.display(format, width, height, stored);
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

  /**
   * Turns off ImageIO's disk cache, which writes temporary files for every stream, on the first
   * decode. Doing it on first use rather than when the decoder is created keeps ImageIO's plugin
   * scan (tens of milliseconds at start) out of processes that only ever decode JPEG files with the
   * scaled decoder.
   */
  private static final class InMemory {

    static {
      ImageIO.setUseCache(false);
    }

    private InMemory() {}

    /** Runs the static initialiser once; later calls do nothing. */
    static void use() {
      // The class initialiser does the work.
    }
  }
}
