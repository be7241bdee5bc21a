package org.imageclassifier.core.image.jpeg;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.imageclassifier.core.image.PixelPlanes;

/**
 * Full-size decoding with the JDK's own ImageIO JPEG reader (libjpeg 6b inside), and the exact
 * block-average downscale that a reduced-scale decode approximates.
 */
final class ReferenceDecoder {

  private ReferenceDecoder() {}

  /** Returns the JDK's JPEG reader, skipping plugins such as TwelveMonkeys that may wrap it. */
  static ImageReader jdkReader() {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
    while (readers.hasNext()) {
      ImageReader reader = readers.next();
      if (reader.getClass().getName().startsWith("com.sun.imageio.plugins.jpeg")) {
        return reader;
      }
    }
    throw new IllegalStateException("The JDK has no com.sun.imageio JPEG reader");
  }

  /**
   * Decodes at full size. With 3 channels the result is ImageIO's RGB; with 1 it is the first
   * component as stored, the Y plane of a colour file, which {@code readRaster} returns before any
   * colour conversion. ICC profiles are removed first: the JDK reader converts a tagged image to
   * sRGB, which the scaled decoder does not do.
   */
  static PixelPlanes decodeFull(byte[] jpeg, int channels) throws IOException {
    ImageReader reader = jdkReader();
    byte[] untagged = withoutIccProfiles(jpeg);
    try (ImageInputStream input =
        ImageIO.createImageInputStream(new ByteArrayInputStream(untagged))) {
      reader.setInput(input);
      if (channels == 1) {
        return toPlanes(reader.readRaster(0, null), 1);
      }
      Raster raster = reader.read(0).getRaster();
      return toPlanes(raster, raster.getNumBands()).toChannels(3);
    } finally {
      reader.dispose();
    }
  }

  /** Returns a copy without the APP2 segments that carry ICC profiles, up to the first SOS. */
  static byte[] withoutIccProfiles(byte[] jpeg) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
    out.write(jpeg, 0, 2);
    int position = 2;
    while (position + 4 <= jpeg.length && (jpeg[position] & 0xFF) == 0xFF) {
      int marker = jpeg[position + 1] & 0xFF;
      if (marker == 0xDA) {
        break;
      }
      int length = ((jpeg[position + 2] & 0xFF) << 8) | (jpeg[position + 3] & 0xFF);
      if (marker != 0xE2) {
        out.write(jpeg, position, length + 2);
      }
      position += length + 2;
    }
    out.write(jpeg, position, jpeg.length - position);
    return out.toByteArray();
  }

  private static PixelPlanes toPlanes(Raster raster, int bands) {
    int width = raster.getWidth();
    int height = raster.getHeight();
    float[] samples = new float[bands * width * height];
    for (int band = 0; band < bands; band++) {
      float[] plane = raster.getSamples(0, 0, width, height, band, (float[]) null);
      System.arraycopy(plane, 0, samples, band * width * height, plane.length);
    }
    return new PixelPlanes(bands, width, height, samples);
  }

  /**
   * Averages each {@code scale x scale} block. Blocks cut by the right or bottom edge count the
   * edge pixels again in place of the missing ones, as libjpeg pads partial blocks when encoding. A
   * reduced-scale decode includes that padding in its edge samples. The result is {@code ceil(width
   * / scale) x ceil(height / scale)}.
   */
  static PixelPlanes blockAverage(PixelPlanes full, int scale) {
    int width = (full.width() + scale - 1) / scale;
    int height = (full.height() + scale - 1) / scale;
    float[] samples = new float[full.channels() * width * height];
    for (int c = 0; c < full.channels(); c++) {
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          samples[(c * height + y) * width + x] = blockMean(full, c, x * scale, y * scale, scale);
        }
      }
    }
    return new PixelPlanes(full.channels(), width, height, samples);
  }

  private static float blockMean(PixelPlanes full, int channel, int left, int top, int scale) {
    double sum = 0;
    for (int y = top; y < top + scale; y++) {
      int row = Math.min(y, full.height() - 1);
      for (int x = left; x < left + scale; x++) {
        int column = Math.min(x, full.width() - 1);
        sum += full.samples()[(channel * full.height() + row) * full.width() + column];
      }
    }
    return (float) (sum / (scale * scale));
  }

  /** Returns the peak signal-to-noise ratio in dB for 8-bit samples; infinity when equal. */
  static double psnr(PixelPlanes expected, PixelPlanes actual) {
    if (expected.samples().length != actual.samples().length) {
      throw new IllegalArgumentException(
          "sizes differ: %dx%dx%d and %dx%dx%d"
              .formatted(
                  expected.channels(),
                  expected.height(),
                  expected.width(),
                  actual.channels(),
                  actual.height(),
                  actual.width()));
    }
    double sum = 0;
    for (int i = 0; i < expected.samples().length; i++) {
      double difference = expected.samples()[i] - actual.samples()[i];
      sum += difference * difference;
    }
    double meanSquare = sum / expected.samples().length;
    return 10 * Math.log10(255.0 * 255.0 / meanSquare);
  }
}
