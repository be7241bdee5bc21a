package org.imageclassifier.core.image.jpeg;

import java.util.ArrayList;
import java.util.List;
import org.imageclassifier.core.image.ImageDecodeException;

/** Reads a start-of-frame segment into a {@link JpegHeader}, rejecting what cannot be decoded. */
final class FrameHeaderReader {

  private FrameHeaderReader() {}

  /**
   * Reads the SOF segment whose marker was just read.
   *
   * @param marker the SOF marker code, which names the coding process
   * @param adobeTransform the transform of an Adobe segment read before, or -1
   */
  static JpegHeader read(SegmentReader segments, int marker, int adobeTransform)
      throws ImageDecodeException, UnsupportedJpegException {
    checkProcess(marker);
    segments.beginSegment();
    int precision = segments.readUnsignedByte();
    int height = segments.readUnsignedShort();
    int width = segments.readUnsignedShort();
    int count = segments.readUnsignedByte();
    if (precision == 12) {
      throw new UnsupportedJpegException("12-bit samples");
    }
    if (precision != 8) {
      throw JpegErrors.corrupt("the frame declares " + precision + "-bit samples");
    }
    if (width == 0 || height == 0) {
      throw JpegErrors.corrupt("the frame declares an empty size %dx%d".formatted(width, height));
    }
    if (count == 0 || segments.remaining() != 3 * count) {
      throw JpegErrors.corrupt("the frame header does not fit its " + count + " components");
    }
    List<JpegComponent> components = readComponents(segments, count);
    checkComponentCount(count);
    checkSamplingRatios(components);
    return new JpegHeader(width, height, marker == Markers.SOF2, adobeTransform, components);
  }

  private static void checkProcess(int marker) throws UnsupportedJpegException {
    if (marker == Markers.SOF0 || marker == Markers.SOF1 || marker == Markers.SOF2) {
      return;
    }
    String name = "SOF" + (marker - Markers.SOF0);
    String process =
        switch (marker) {
          case Markers.SOF3 -> "lossless coding";
          case 0xC5, 0xC6, 0xC7 -> "hierarchical coding";
          case 0xC9, 0xCA, 0xCB -> "arithmetic coding";
          default -> "hierarchical arithmetic coding";
        };
    throw new UnsupportedJpegException(process + " (" + name + ")");
  }

  private static List<JpegComponent> readComponents(SegmentReader segments, int count)
      throws ImageDecodeException {
    List<JpegComponent> components = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int id = segments.readUnsignedByte();
      int sampling = segments.readUnsignedByte();
      int table = segments.readUnsignedByte();
      JpegComponent component = new JpegComponent(id, sampling >> 4, sampling & 15, table);
      checkComponent(component, components);
      components.add(component);
    }
    return components;
  }

  private static void checkComponent(JpegComponent component, List<JpegComponent> earlier)
      throws ImageDecodeException {
    int h = component.horizontalSampling();
    int v = component.verticalSampling();
    if (h < 1 || h > 4 || v < 1 || v > 4) {
      throw JpegErrors.corrupt(
          "component %d has sampling factors %dx%d outside 1 to 4".formatted(component.id(), h, v));
    }
    if (component.quantizationTableId() > 3) {
      throw JpegErrors.corrupt(
          "component %d uses quantization table %d, above 3"
              .formatted(component.id(), component.quantizationTableId()));
    }
    for (JpegComponent other : earlier) {
      if (other.id() == component.id()) {
        throw JpegErrors.corrupt("the frame lists component " + component.id() + " twice");
      }
    }
  }

  /** Rejects sampling factors that do not divide the largest one by 1, 2 or 4. */
  private static void checkSamplingRatios(List<JpegComponent> components)
      throws UnsupportedJpegException {
    int maxH = components.stream().mapToInt(JpegComponent::horizontalSampling).max().orElse(1);
    int maxV = components.stream().mapToInt(JpegComponent::verticalSampling).max().orElse(1);
    for (JpegComponent component : components) {
      if (!isPowerOfTwoRatio(maxH, component.horizontalSampling())
          || !isPowerOfTwoRatio(maxV, component.verticalSampling())) {
        throw new UnsupportedJpegException(
            "sampling factors whose ratio is not 1, 2 or 4 (%s)"
                .formatted(samplingFactors(components)));
      }
    }
  }

  private static boolean isPowerOfTwoRatio(int max, int factor) {
    return max % factor == 0 && Integer.bitCount(max / factor) == 1;
  }

  private static String samplingFactors(List<JpegComponent> components) {
    StringBuilder text = new StringBuilder();
    for (JpegComponent component : components) {
      text.append(text.isEmpty() ? "" : ", ");
      text.append(component.horizontalSampling()).append('x');
      text.append(component.verticalSampling());
    }
    return text.toString();
  }

  private static void checkComponentCount(int count) throws UnsupportedJpegException {
    if (count == 4) {
      throw new UnsupportedJpegException("4 colour components (CMYK or YCCK)");
    }
    if (count != 1 && count != 3) {
      throw new UnsupportedJpegException(count + " colour components");
    }
  }
}
