package org.imageclassifier.core.image.jpeg;

import org.imageclassifier.core.image.ImageDecodeException;

/**
 * The fields of an SOS segment, checked against the frame.
 *
 * @param components the components of the scan, in scan order
 * @param dcTableIds DC Huffman table slot per scan component
 * @param acTableIds AC Huffman table slot per scan component
 * @param spectralStart first zigzag index coded (Ss); 0 for sequential scans
 * @param spectralEnd last zigzag index coded (Se)
 * @param successiveHigh bit position of the previous pass (Ah), 0 for a first pass
 * @param successiveLow point transform of this pass (Al)
 * @param progressive whether the frame is progressive
 */
record ScanHeader(
    FrameComponent[] components,
    int[] dcTableIds,
    int[] acTableIds,
    int spectralStart,
    int spectralEnd,
    int successiveHigh,
    int successiveLow,
    boolean progressive) {

  /** Blocks an interleaved MCU may hold at most (ITU-T T.81 section B.2.3). */
  private static final int MAX_BLOCKS_PER_MCU = 10;

  /** Largest point transform (Al, Ah) that libjpeg accepts in progressive scans. */
  private static final int MAX_POINT_TRANSFORM = 13;

  /** Reads an SOS segment whose marker was just read. */
  static ScanHeader read(SegmentReader segments, Frame frame, boolean progressive)
      throws ImageDecodeException {
    segments.beginSegment();
    int count = segments.readUnsignedByte();
    if (count < 1 || count > 4 || segments.remaining() != 2 * count + 3) {
      throw JpegErrors.corrupt("a scan header declares " + count + " components");
    }
    FrameComponent[] components = new FrameComponent[count];
    int[] dcTableIds = new int[count];
    int[] acTableIds = new int[count];
    for (int i = 0; i < count; i++) {
      components[i] = findComponent(frame, components, segments.readUnsignedByte());
      int tables = segments.readUnsignedByte();
      dcTableIds[i] = checkTableId(tables >> 4);
      acTableIds[i] = checkTableId(tables & 15);
    }
    int start = segments.readUnsignedByte();
    int end = segments.readUnsignedByte();
    int approximation = segments.readUnsignedByte();
    ScanHeader scan =
        new ScanHeader(
            components,
            dcTableIds,
            acTableIds,
            start,
            end,
            approximation >> 4,
            approximation & 15,
            progressive);
    scan.validate();
    return scan;
  }

  private static FrameComponent findComponent(Frame frame, FrameComponent[] earlier, int id)
      throws ImageDecodeException {
    for (FrameComponent component : earlier) {
      if (component != null && component.spec.id() == id) {
        throw JpegErrors.corrupt("a scan lists component " + id + " twice");
      }
    }
    for (FrameComponent component : frame.components) {
      if (component.spec.id() == id) {
        return component;
      }
    }
    throw JpegErrors.corrupt("a scan refers to component " + id + ", which the frame lacks");
  }

  private static int checkTableId(int id) throws ImageDecodeException {
    if (id > 3) {
      throw JpegErrors.corrupt("a scan refers to Huffman table " + id + ", above 3");
    }
    return id;
  }

  private void validate() throws ImageDecodeException {
    if (components.length > 1 && blocksPerMcu() > MAX_BLOCKS_PER_MCU) {
      throw JpegErrors.corrupt(
          "an MCU contains %d blocks, above the maximum of %d"
              .formatted(blocksPerMcu(), MAX_BLOCKS_PER_MCU));
    }
    if (progressive) {
      validateProgression();
    }
  }

  private int blocksPerMcu() {
    int blocks = 0;
    for (FrameComponent component : components) {
      blocks += component.spec.horizontalSampling() * component.spec.verticalSampling();
    }
    return blocks;
  }

  /** Checks the progression fields; sequential scans ignore them, as libjpeg does. */
  private void validateProgression() throws ImageDecodeException {
    boolean validBand =
        spectralStart == 0 ? spectralEnd == 0 : spectralStart <= spectralEnd && spectralEnd <= 63;
    if (!validBand || (spectralStart > 0 && components.length != 1)) {
      throw JpegErrors.corrupt(
          "a progressive scan of %d components codes band %d to %d"
              .formatted(components.length, spectralStart, spectralEnd));
    }
    if (successiveHigh > MAX_POINT_TRANSFORM || successiveLow > MAX_POINT_TRANSFORM) {
      throw JpegErrors.corrupt(
          "a progressive scan has point transforms %d and %d, above %d"
              .formatted(successiveHigh, successiveLow, MAX_POINT_TRANSFORM));
    }
  }

  /**
   * Returns whether the scan codes DC values with Huffman codes: every sequential scan, and the
   * first pass of a progressive DC scan.
   */
  boolean needsDcTables() {
    return !progressive || (spectralStart == 0 && successiveHigh == 0);
  }

  /** Returns whether the scan codes AC coefficients of the component at the given scan index. */
  boolean needsAcTable(int index) {
    return !progressive || (spectralStart > 0 && components[index].coefficientLimit > 1);
  }
}
