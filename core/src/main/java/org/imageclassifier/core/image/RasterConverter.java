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
 *
 * <p>Transparent pixels are composited over {@link #BACKGROUND}, white, as image viewers and
 * browsers show them on a white page: {@code v * alpha + BACKGROUND * (1 - alpha)}.
 */
final class RasterConverter {

  /** Sample value that transparent pixels are composited over: 255, white. */
  static final float BACKGROUND = 255f;

  private RasterConverter() {}

  /** Converts an image to planes with the given channel count (1 or 3). */
  static PixelPlanes toPlanes(BufferedImage image, int channels) {
    ColorModel model = image.getColorModel();
    Raster raster = image.getRaster();
    PixelPlanes planes;
    if (model instanceof IndexColorModel indexed) {
      planes = fromIndexed(raster, indexed);
    } else if (isGray(model)) {
      planes = fromBands(raster, 1, model);
    } else if (isRgb(model)) {
      planes = fromBands(raster, 3, model);
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

  /** Reads the colour bands scaled to 8 bits and composites the alpha band, if any. */
  private static PixelPlanes fromBands(Raster raster, int bands, ColorModel model) {
    int width = raster.getWidth();
    int height = raster.getHeight();
    float scale = 255f / ((1 << model.getComponentSize(0)) - 1);
    float[] samples = new float[bands * width * height];
    float[] alpha = model.hasAlpha() ? alphaPlane(raster, bands, model) : null;
    int[] row = new int[width];
    for (int band = 0; band < bands; band++) {
      for (int y = 0; y < height; y++) {
        raster.getSamples(0, y, width, 1, band, row);
        int base = band * width * height + y * width;
        for (int x = 0; x < width; x++) {
          samples[base + x] = row[x] * scale;
        }
      }
    }
    if (alpha != null) {
      composite(samples, alpha, model.isAlphaPremultiplied());
    }
    return new PixelPlanes(bands, width, height, samples);
  }

  /** Returns the alpha band as fractions in [0, 1]. */
  private static float[] alphaPlane(Raster raster, int alphaBand, ColorModel model) {
    int width = raster.getWidth();
    int height = raster.getHeight();
    float scale = 1f / ((1 << model.getComponentSize(alphaBand)) - 1);
    float[] alpha = new float[width * height];
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      raster.getSamples(0, y, width, 1, alphaBand, row);
      for (int x = 0; x < width; x++) {
        alpha[y * width + x] = row[x] * scale;
      }
    }
    return alpha;
  }

  /** Composites every colour plane over the background, in place. */
  private static void composite(float[] samples, float[] alpha, boolean premultiplied) {
    int size = alpha.length;
    for (int i = 0; i < samples.length; i++) {
      float a = alpha[i % size];
      float colour = premultiplied ? samples[i] : samples[i] * a;
      samples[i] = colour + BACKGROUND * (1 - a);
    }
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
        float alpha = model.getAlpha(row[x]) / 255f;
        samples[i] = over(model.getRed(row[x]), alpha);
        samples[size + i] = over(model.getGreen(row[x]), alpha);
        samples[2 * size + i] = over(model.getBlue(row[x]), alpha);
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
        float alpha = (row[x] >>> 24) / 255f;
        samples[i] = over((row[x] >> 16) & 0xFF, alpha);
        samples[size + i] = over((row[x] >> 8) & 0xFF, alpha);
        samples[2 * size + i] = over(row[x] & 0xFF, alpha);
      }
    }
    return new PixelPlanes(3, width, height, samples);
  }

  private static float over(int sample, float alpha) {
    return sample * alpha + BACKGROUND * (1 - alpha);
  }
}
