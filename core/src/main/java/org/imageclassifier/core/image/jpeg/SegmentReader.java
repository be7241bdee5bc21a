package org.imageclassifier.core.image.jpeg;

import org.imageclassifier.core.image.ImageDecodeException;

/**
 * Reads markers and segment fields from the bytes of a JPEG file, with every read checked against
 * the end of the data.
 */
final class SegmentReader {

  private final byte[] data;
  private int position;
  private int segmentEnd;

  SegmentReader(byte[] data) {
    this.data = data;
  }

  byte[] data() {
    return data;
  }

  int position() {
    return position;
  }

  void seek(int newPosition) {
    position = newPosition;
  }

  /** Reads the SOI marker that starts every JPEG file. */
  void readStartOfImage() throws ImageDecodeException {
    if (data.length < 2 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != Markers.SOI) {
      throw JpegErrors.corrupt("the data does not start with an SOI marker");
    }
    position = 2;
  }

  /**
   * Reads the next marker code. Fill bytes (0xFF) before the code are skipped, and so are stray
   * bytes between segments, which libjpeg also tolerates.
   */
  int readMarker() throws ImageDecodeException {
    while (true) {
      while (position < data.length && data[position] != (byte) 0xFF) {
        position++;
      }
      while (position < data.length && data[position] == (byte) 0xFF) {
        position++;
      }
      if (position >= data.length) {
        throw JpegErrors.corrupt("the data ends before the EOI marker");
      }
      int code = data[position++] & 0xFF;
      if (code != 0) {
        return code;
      }
    }
  }

  /**
   * Reads a segment's length field and limits the following reads to the segment.
   *
   * @return the number of payload bytes after the length field
   */
  int beginSegment() throws ImageDecodeException {
    segmentEnd = data.length;
    int length = readUnsignedShort();
    if (length < 2 || position + length - 2 > data.length) {
      throw JpegErrors.corrupt(
          "a segment declares %d bytes but %d remain".formatted(length, data.length - position));
    }
    segmentEnd = position + length - 2;
    return length - 2;
  }

  /** Returns the number of unread payload bytes in the current segment. */
  int remaining() {
    return segmentEnd - position;
  }

  /** Skips the rest of the current segment. */
  void endSegment() {
    position = segmentEnd;
  }

  int readUnsignedByte() throws ImageDecodeException {
    if (position >= segmentEnd) {
      throw JpegErrors.corrupt("a segment is shorter than its fields at offset " + position);
    }
    return data[position++] & 0xFF;
  }

  int readUnsignedShort() throws ImageDecodeException {
    int high = readUnsignedByte();
    return (high << 8) | readUnsignedByte();
  }

  /** Returns whether the unread part of the segment starts with the given ASCII text. */
  boolean startsWith(String text) {
    if (remaining() < text.length()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if ((data[position + i] & 0xFF) != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
