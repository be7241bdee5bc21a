package org.imageclassifier.core.image;

/**
 * Facts read from the marker segments of a JPEG file without decoding it: the frame type, the EXIF
 * orientation and whether the entropy-coded data is complete. Malformed segments are not errors
 * here; the decoder reports them.
 *
 * @param frameMarker the SOFn marker byte (0xC0 baseline, 0xC2 progressive), or -1 when missing
 * @param orientation EXIF orientation 1 to 8, 1 when absent or invalid
 * @param complete whether an EOI marker follows the first SOS marker
 */
record JpegStructure(int frameMarker, int orientation, boolean complete) {

  private static final int SOS = 0xDA;
  private static final int EOI = 0xD9;
  private static final int APP1 = 0xE1;

  /** Returns whether the frame uses a process that javax.imageio decodes: Huffman, 8 or 12 bit. */
  boolean huffmanCoded() {
    return frameMarker == 0xC0 || frameMarker == 0xC1 || frameMarker == 0xC2;
  }

  /** Returns a readable name of the frame's coding process, for error messages. */
  String processName() {
    return switch (frameMarker) {
      case 0xC3, 0xC7, 0xCB, 0xCF -> "lossless";
      case 0xC5, 0xC6 -> "hierarchical";
      case 0xC9, 0xCA, 0xCD, 0xCE -> "arithmetic-coded";
      default -> "SOF 0x" + Integer.toHexString(frameMarker);
    };
  }

  /** Scans the segments of a JPEG file that starts with SOI. */
  static JpegStructure scan(byte[] jpeg) {
    int frameMarker = -1;
    int orientation = 1;
    int position = 2;
    while (position + 4 <= jpeg.length && (jpeg[position] & 0xFF) == 0xFF) {
      int marker = jpeg[position + 1] & 0xFF;
      if (marker == 0xFF) {
        position++;
        continue;
      }
      int length = ((jpeg[position + 2] & 0xFF) << 8) | (jpeg[position + 3] & 0xFF);
      if (marker == SOS) {
        return new JpegStructure(frameMarker, orientation, hasEoiAfter(jpeg, position + 2));
      }
      if (isFrameMarker(marker)) {
        frameMarker = marker;
      } else if (marker == APP1) {
        orientation = ExifOrientation.read(jpeg, position + 4, length - 2, orientation);
      }
      position += 2 + length;
    }
    return new JpegStructure(frameMarker, orientation, false);
  }

  private static boolean isFrameMarker(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }

  /** Byte stuffing keeps 0xFF 0xD9 out of entropy-coded data, so its presence marks the end. */
  private static boolean hasEoiAfter(byte[] jpeg, int from) {
    for (int i = from; i + 1 < jpeg.length; i++) {
      if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == EOI) {
        return true;
      }
    }
    return false;
  }
}
