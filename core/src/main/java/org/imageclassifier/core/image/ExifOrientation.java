package org.imageclassifier.core.image;

/**
 * Reads the orientation tag (0x0112) from IFD0 of an EXIF block, the TIFF structure inside a JPEG
 * APP1 segment that starts with {@code Exif\0\0}. Every offset is bounds-checked; a malformed block
 * leaves the orientation unchanged.
 */
final class ExifOrientation {

  private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};
  private static final int ORIENTATION_TAG = 0x0112;
  private static final int SHORT_TYPE = 3;

  private ExifOrientation() {}

  /**
   * Returns the orientation in an APP1 segment payload, or {@code fallback} when the payload is not
   * EXIF or has no valid orientation.
   *
   * @param bytes the file
   * @param start index of the segment payload (after the length field)
   * @param length payload length in bytes
   */
  static int read(byte[] bytes, int start, int length, int fallback) {
    int end = Math.min(bytes.length, start + Math.max(0, length));
    if (!startsWithExifHeader(bytes, start, end)) {
      return fallback;
    }
    Tiff tiff = new Tiff(bytes, start + EXIF_HEADER.length, end);
    int value = tiff.orientation();
    return value >= 1 && value <= 8 ? value : fallback;
  }

  private static boolean startsWithExifHeader(byte[] bytes, int start, int end) {
    if (end - start < EXIF_HEADER.length + 8) {
      return false;
    }
    for (int i = 0; i < EXIF_HEADER.length; i++) {
      if (bytes[start + i] != EXIF_HEADER[i]) {
        return false;
      }
    }
    return true;
  }

  /** A TIFF structure between {@code base} and {@code end}, in either byte order. */
  private record Tiff(byte[] bytes, int base, int end) {

    int orientation() {
      boolean valid = (u8(0) == 'I' && u8(1) == 'I') || (u8(0) == 'M' && u8(1) == 'M');
      if (!valid || u16(2) != 42) {
        return -1;
      }
      long ifd = u32(4);
      if (ifd < 8 || base + ifd + 2 > end) {
        return -1;
      }
      return findOrientation((int) ifd);
    }

    private int findOrientation(int ifd) {
      int count = u16(ifd);
      for (int i = 0; i < count; i++) {
        int entry = ifd + 2 + 12 * i;
        if (base + entry + 12 > end) {
          return -1;
        }
        if (u16(entry) == ORIENTATION_TAG && u16(entry + 2) == SHORT_TYPE) {
          return u16(entry + 8);
        }
      }
      return -1;
    }

    private boolean bigEndian() {
      return u8(0) == 'M';
    }

    private int u8(int offset) {
      return bytes[base + offset] & 0xFF;
    }

    private int u16(int offset) {
      return bigEndian() ? (u8(offset) << 8) | u8(offset + 1) : u8(offset) | (u8(offset + 1) << 8);
    }

    private long u32(int offset) {
      long high = u16(bigEndian() ? offset : offset + 2);
      long low = u16(bigEndian() ? offset + 2 : offset);
      return (high << 16) | low;
    }
  }
}
