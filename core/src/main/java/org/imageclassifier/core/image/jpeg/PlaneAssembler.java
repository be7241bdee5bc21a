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
    for (int y = 0; y < height; y++) {
      convertRow(components, y, samples, y * width, width, size);
    }
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

  /**
   * Converts one output row from the Y, Cb and Cr planes, repeating subsampled samples, to R, G, B
   * clamped to [0, 255] at {@code offset}, {@code offset + size} and {@code offset + 2 * size}.
   */
  private static void convertRow(
      FrameComponent[] components, int y, float[] out, int offset, int width, int size) {
    FrameComponent luma = components[0];
    FrameComponent blue = components[1];
    FrameComponent red = components[2];
    int lumaRow = (y >> luma.repeatShiftY) * luma.planeWidth;
    int blueRow = (y >> blue.repeatShiftY) * blue.planeWidth;
    int redRow = (y >> red.repeatShiftY) * red.planeWidth;
    for (int x = 0; x < width; x++) {
      float value = luma.plane[lumaRow + (x >> luma.repeatShiftX)];
      float cb = blue.plane[blueRow + (x >> blue.repeatShiftX)] - 128f;
      float cr = red.plane[redRow + (x >> red.repeatShiftX)] - 128f;
      out[offset + x] = ScaledIdct.clamp(value + 1.402f * cr);
      out[offset + size + x] = ScaledIdct.clamp(value - 0.344136f * cb - 0.714136f * cr);
      out[offset + 2 * size + x] = ScaledIdct.clamp(value + 1.772f * cb);
    }
  }
}
