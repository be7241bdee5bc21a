package org.imageclassifier.core.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Copies a decoded {@link BufferedImage} into {@link PixelPlanes} by reading raster samples, not
 * through {@code getRGB}: {@code getRGB} converts gray images through a linear colour space and
 * changes their values, while raster samples keep a gray 129 at 129.
 */
final class RasterConverter {

  private RasterConverter() {}

  /** Converts an image to planes with the given channel count (1 or 3). */
  static PixelPlanes toPlanes(BufferedImage image, int channels) {
    ColorModel model = image.getColorModel();
    Raster raster = image.getRaster();
    PixelPlanes planes;
    if (model instanceof IndexColorModel indexed) {
      planes = fromIndexed(raster, indexed);
    } else if (isGray(model)) {
      planes = fromBands(raster, 1, model.getComponentSize(0));
    } else if (isRgb(model)) {
      planes = fromBands(raster, 3, model.getComponentSize(0));
    } else {
      planes = fromArgb(image);
    }
    return planes.toChannels(channels);
  }

  private static boolean isGray(ColorModel model) {
    return model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
  }

  private static boolean isRgb(ColorModel model) {
    return model.getColorSpace().isCS_sRGB() && model.getNumColorComponents() == 3;
  }

  /** Reads the first {@code bands} bands, ignoring alpha, scaled from {@code bits} to 8 bits. */
  private static PixelPlanes fromBands(Raster raster, int bands, int bits) {
    int width = raster.getWidth();
    int height = raster.getHeight();
    int size = width * height;
    float scale = 255f / ((1 << bits) - 1);
    float[] samples = new float[bands * size];
    int[] row = new int[width];
    for (int band = 0; band < bands; band++) {
      for (int y = 0; y < height; y++) {
        raster.getSamples(0, y, width, 1, band, row);
        int base = band * size + y * width;
        for (int x = 0; x < width; x++) {
          samples[base + x] = bits == 8 ? row[x] : row[x] * scale;
        }
      }
    }
    return new PixelPlanes(bands, width, height, samples);
  }

  private static PixelPlanes fromIndexed(Raster raster, IndexColorModel model) {
    int width = raster.getWidth();
    int height = raster.getHeight();
    int size = width * height;
    float[] samples = new float[3 * size];
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      raster.getSamples(0, y, width, 1, 0, row);
      for (int x = 0; x < width; x++) {
        int i = y * width + x;
        samples[i] = model.getRed(row[x]);
        samples[size + i] = model.getGreen(row[x]);
        samples[2 * size + i] = model.getBlue(row[x]);
      }
    }
    return new PixelPlanes(3, width, height, samples);
  }

  /** Falls back to the colour-managed sRGB conversion of {@code getRGB} for other colour spaces. */
  private static PixelPlanes fromArgb(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    int size = width * height;
    float[] samples = new float[3 * size];
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      image.getRGB(0, y, width, 1, row, 0, width);
      for (int x = 0; x < width; x++) {
        int i = y * width + x;
        samples[i] = (row[x] >> 16) & 0xFF;
        samples[size + i] = (row[x] >> 8) & 0xFF;
        samples[2 * size + i] = row[x] & 0xFF;
      }
    }
    return new PixelPlanes(3, width, height, samples);
  }
}
