package org.imageclassifier.core.image.jpeg;

import java.util.List;

/** The component layout of one decode call: block grids and output sizes at the chosen scale. */
final class Frame {

  final JpegHeader header;
  final int scale;
  final int maxHorizontalSampling;
  final int maxVerticalSampling;
  final int mcusPerLine;
  final int mcusPerColumn;
  final FrameComponent[] components;

  private Frame(JpegHeader header, int scale, int channels) {
    this.header = header;
    this.scale = scale;
    List<JpegComponent> specs = header.components();
    maxHorizontalSampling =
        specs.stream().mapToInt(JpegComponent::horizontalSampling).max().orElse(1);
    maxVerticalSampling = specs.stream().mapToInt(JpegComponent::verticalSampling).max().orElse(1);
    mcusPerLine = ceilDiv(header.width(), 8 * maxHorizontalSampling);
    mcusPerColumn = ceilDiv(header.height(), 8 * maxVerticalSampling);
    components = new FrameComponent[specs.size()];
    for (int i = 0; i < components.length; i++) {
      boolean inOutput = i == 0 || channels == 3;
      components[i] = new FrameComponent(specs.get(i), geometry(specs.get(i), inOutput));
    }
  }

  /**
   * Lays out the components of a frame for decoding at {@code 1/scale} size.
   *
   * @param header a header whose sampling factors {@link FrameHeaderReader} has checked
   * @param channels 1 to output the first component only, 3 to output all
   */
  static Frame create(JpegHeader header, int scale, int channels) {
    return new Frame(header, scale, channels);
  }

  int outputWidth() {
    return header.scaledWidth(scale);
  }

  int outputHeight() {
    return header.scaledHeight(scale);
  }

  /**
   * Returns whether every component is decoded from its DC coefficient alone. A progressive file
   * decoded at 1/8 scale does so for chroma too, so that it can skip every AC scan.
   */
  boolean dcOnly() {
    return header.progressive() && scale == 8;
  }

  private ComponentGeometry geometry(JpegComponent spec, boolean inOutput) {
    int h = spec.horizontalSampling();
    int v = spec.verticalSampling();
    // The frame header reader has checked that these ratios are 1, 2 or 4.
    int ratioX = maxHorizontalSampling / h;
    int ratioY = maxVerticalSampling / v;
    int usedPerLine = ceilDiv(ceilDiv(header.width() * h, maxHorizontalSampling), 8);
    int usedPerColumn = ceilDiv(ceilDiv(header.height() * v, maxVerticalSampling), 8);
    if (!inOutput) {
      return new ComponentGeometry(
          mcusPerLine * h, mcusPerColumn * v, usedPerLine, usedPerColumn, 0, 0, 1, 1);
    }
    int samplesX = 8 * ratioX / scale;
    int samplesY = 8 * ratioY / scale;
    int blockWidth = dcOnly() ? 1 : Math.min(8, samplesX);
    int blockHeight = dcOnly() ? 1 : Math.min(8, samplesY);
    return new ComponentGeometry(
        mcusPerLine * h,
        mcusPerColumn * v,
        usedPerLine,
        usedPerColumn,
        blockWidth,
        blockHeight,
        samplesX / blockWidth,
        samplesY / blockHeight);
  }

  static int ceilDiv(int value, int divisor) {
    return (value + divisor - 1) / divisor;
  }
}
