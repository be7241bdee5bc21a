package org.imageclassifier.core.image.jpeg;

import org.imageclassifier.core.image.ImageDecodeException;

/**
 * Reads the segments between frame and scan headers (tables, restart interval, application data)
 * and keeps the state they define.
 */
final class TableReader {

  private static final int TEM = 0x01;

  /** Component identifiers 'R', 'G', 'B' that mark an RGB file without JFIF or Adobe segments. */
  private static final int[] RGB_IDS = {'R', 'G', 'B'};

  private final SegmentReader segments;
  private final int[][] quantizationTables = new int[4][];
  private final HuffmanTable[] dcTables = new HuffmanTable[4];
  private final HuffmanTable[] acTables = new HuffmanTable[4];
  private int restartInterval;
  private int adobeTransform = -1;
  private boolean jfif;

  TableReader(SegmentReader segments) {
    this.segments = segments;
  }

  int restartInterval() {
    return restartInterval;
  }

  int adobeTransform() {
    return adobeTransform;
  }

  /** Reads the segment of a marker other than SOI, SOF, SOS and EOI. */
  void read(int marker) throws ImageDecodeException, UnsupportedJpegException {
    switch (marker) {
      case Markers.DQT -> readQuantizationTables();
      case Markers.DHT -> readHuffmanTables();
      case Markers.DRI -> readRestartInterval();
      case Markers.APP0 -> readApplicationSegment();
      case Markers.APP14 -> readAdobeSegment();
      case Markers.DAC -> throw new UnsupportedJpegException("arithmetic coding (DAC segment)");
      case Markers.DHP, Markers.EXP -> throw new UnsupportedJpegException("hierarchical coding");
      case Markers.SOF55, Markers.LSE -> throw new UnsupportedJpegException("JPEG-LS coding");
      case Markers.SOI -> throw JpegErrors.corrupt("the file has a second SOI marker");
      default -> readOtherSegment(marker);
    }
  }

  private void readOtherSegment(int marker) throws ImageDecodeException {
    if (marker == TEM || Markers.isRestart(marker)) {
      // Markers without a segment; libjpeg ignores them between segments too.
      return;
    }
    if (marker < Markers.SOF0) {
      throw JpegErrors.corrupt("the file contains the reserved marker 0x%02X".formatted(marker));
    }
    segments.beginSegment();
    segments.endSegment();
  }

  private void readQuantizationTables() throws ImageDecodeException {
    segments.beginSegment();
    while (segments.remaining() > 0) {
      int header = segments.readUnsignedByte();
      int precision = header >> 4;
      int slot = header & 15;
      if (precision > 1 || slot > 3) {
        throw JpegErrors.corrupt(
            "a quantization table has precision %d and slot %d".formatted(precision, slot));
      }
      int[] table = new int[64];
      for (int k = 0; k < 64; k++) {
        table[k] = precision == 0 ? segments.readUnsignedByte() : segments.readUnsignedShort();
      }
      quantizationTables[slot] = table;
    }
  }

  private void readHuffmanTables() throws ImageDecodeException {
    segments.beginSegment();
    while (segments.remaining() > 0) {
      int header = segments.readUnsignedByte();
      int tableClass = header >> 4;
      int slot = header & 15;
      if (tableClass > 1 || slot > 3) {
        throw JpegErrors.corrupt(
            "a Huffman table has class %d and slot %d".formatted(tableClass, slot));
      }
      HuffmanTable table = readHuffmanTable(tableClass == 1);
      (tableClass == 0 ? dcTables : acTables)[slot] = table;
    }
  }

  private HuffmanTable readHuffmanTable(boolean ac) throws ImageDecodeException {
    int[] counts = new int[16];
    int total = 0;
    for (int i = 0; i < 16; i++) {
      counts[i] = segments.readUnsignedByte();
      total += counts[i];
    }
    if (total > 256) {
      throw JpegErrors.corrupt("a Huffman table defines " + total + " codes, above 256");
    }
    int[] symbols = new int[total];
    for (int i = 0; i < total; i++) {
      symbols[i] = segments.readUnsignedByte();
    }
    return new HuffmanTable(counts, symbols, ac);
  }

  private void readRestartInterval() throws ImageDecodeException {
    if (segments.beginSegment() != 2) {
      throw JpegErrors.corrupt("the DRI segment is not 4 bytes long");
    }
    restartInterval = segments.readUnsignedShort();
  }

  private void readApplicationSegment() throws ImageDecodeException {
    segments.beginSegment();
    jfif |= segments.startsWith("JFIF\0");
    segments.endSegment();
  }

  /** Reads the colour transform of an Adobe segment: "Adobe", 3 two-byte fields, transform. */
  private void readAdobeSegment() throws ImageDecodeException {
    segments.beginSegment();
    if (segments.startsWith("Adobe") && segments.remaining() >= 12) {
      for (int i = 0; i < 11; i++) {
        segments.readUnsignedByte();
      }
      adobeTransform = segments.readUnsignedByte();
    }
    segments.endSegment();
  }

  /**
   * Rejects 3-component files whose samples are RGB rather than YCbCr. The rules follow libjpeg: a
   * JFIF segment means YCbCr, else an Adobe transform 0 means RGB, else component identifiers 'R',
   * 'G', 'B' mean RGB.
   */
  void checkColourModel(JpegHeader header) throws UnsupportedJpegException {
    if (header.components().size() != 3 || jfif) {
      return;
    }
    if (adobeTransform == 0) {
      throw new UnsupportedJpegException("RGB colour (Adobe transform 0)");
    }
    if (adobeTransform < 0 && hasRgbIds(header)) {
      throw new UnsupportedJpegException("RGB colour (component identifiers R, G, B)");
    }
  }

  private static boolean hasRgbIds(JpegHeader header) {
    for (int i = 0; i < 3; i++) {
      if (header.components().get(i).id() != RGB_IDS[i]) {
        return false;
      }
    }
    return true;
  }

  /** Gives the scan's components their Huffman tables and, on first use, their quantizers. */
  void bind(ScanHeader scan) throws ImageDecodeException {
    FrameComponent[] components = scan.components();
    for (int i = 0; i < components.length; i++) {
      FrameComponent component = components[i];
      if (scan.needsDcTables()) {
        component.dcTable = huffmanTable(dcTables, scan.dcTableIds()[i], "DC");
      }
      if (scan.needsAcTable(i)) {
        component.acTable = huffmanTable(acTables, scan.acTableIds()[i], "AC");
      }
      if (component.inOutput() && component.quantizers == null) {
        component.quantizers = quantizers(component.spec.quantizationTableId());
      }
    }
  }

  private static HuffmanTable huffmanTable(HuffmanTable[] tables, int slot, String kind)
      throws ImageDecodeException {
    if (tables[slot] == null) {
      throw JpegErrors.corrupt(
          "a scan uses %s Huffman table %d before it is defined".formatted(kind, slot));
    }
    return tables[slot];
  }

  private int[] quantizers(int slot) throws ImageDecodeException {
    if (quantizationTables[slot] == null) {
      throw JpegErrors.corrupt("a scan uses quantization table " + slot + " before it is defined");
    }
    return quantizationTables[slot].clone();
  }
}
