package org.imageclassifier.core.image.jpeg;

import org.imageclassifier.core.image.PixelPlanes;

/**
 * Builds the output planes from the component planes: crops the MCU padding, repeats subsampled
 * chroma samples and converts YCbCr to RGB with the JFIF equations (ITU-R BT.601, full range).
 */
final class PlaneAssembler {

  private PlaneAssembler() {}

  /** Returns the decoded image with the given channel count, 1 (luma or gray) or 3 (RGB). */
  static PixelPlanes assemble(Frame frame, int channels) {
    int width = frame.outputWidth();
    int height = frame.outputHeight();
    int size = width * height;
    FrameComponent[] components = frame.components;
    if (channels == 1 || components.length == 1) {
      float[] gray = new float[size];
      copy(components[0], gray, 0, width, height);
      return new PixelPlanes(1, width, height, gray).toChannels(channels);
    }
    float[] samples = new float[3 * size];
    for (int c = 0; c < 3; c++) {
      copy(components[c], samples, c * size, width, height);
    }
    convertToRgb(samples, size);
    return new PixelPlanes(3, width, height, samples);
  }

  private static void copy(
      FrameComponent component, float[] out, int offset, int width, int height) {
    float[] plane = component.plane;
    int shiftX = component.repeatShiftX;
    for (int y = 0; y < height; y++) {
      int source = (y >> component.repeatShiftY) * component.planeWidth;
      int target = offset + y * width;
      if (shiftX == 0) {
        System.arraycopy(plane, source, out, target, width);
        continue;
      }
      for (int x = 0; x < width; x++) {
        out[target + x] = plane[source + (x >> shiftX)];
      }
    }
  }

  /** Converts planar Y, Cb, Cr in place to R, G, B, clamped to [0, 255]. */
  private static void convertToRgb(float[] samples, int size) {
    for (int i = 0; i < size; i++) {
      float luma = samples[i];
      float cb = samples[size + i] - 128f;
      float cr = samples[2 * size + i] - 128f;
      samples[i] = ScaledIdct.clamp(luma + 1.402f * cr);
      samples[size + i] = ScaledIdct.clamp(luma - 0.344136f * cb - 0.714136f * cr);
      samples[2 * size + i] = ScaledIdct.clamp(luma + 1.772f * cb);
    }
  }
}
