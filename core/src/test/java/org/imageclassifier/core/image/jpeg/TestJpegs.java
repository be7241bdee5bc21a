package org.imageclassifier.core.image.jpeg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** Loads the JPEG files in the test resources and edits their segments for failure tests. */
final class TestJpegs {

  private TestJpegs() {}

  /** Returns the bytes of {@code core/src/test/resources/jpeg/NAME}. */
  static byte[] load(String name) {
    try (InputStream input = TestJpegs.class.getResourceAsStream("/jpeg/" + name)) {
      if (input == null) {
        throw new IllegalArgumentException(
            "no test image jpeg/" + name + "; run scripts/make-jpeg-test-images");
      }
      return input.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the offset of the first segment with the given marker code before the first scan's
   * data, pointing at its 0xFF byte.
   */
  static int segmentOffset(byte[] jpeg, int marker) {
    int position = 2;
    while (position + 4 <= jpeg.length) {
      int code = jpeg[position + 1] & 0xFF;
      if (code == marker) {
        return position;
      }
      if (code == 0xDA) {
        break;
      }
      position += 2 + (((jpeg[position + 2] & 0xFF) << 8) | (jpeg[position + 3] & 0xFF));
    }
    throw new IllegalArgumentException("no segment with marker 0x%02X".formatted(marker));
  }

  /** Returns a copy with one byte replaced. */
  static byte[] withByte(byte[] jpeg, int offset, int value) {
    byte[] copy = jpeg.clone();
    copy[offset] = (byte) value;
    return copy;
  }

  /** Returns the first {@code length} bytes. */
  static byte[] truncated(byte[] jpeg, int length) {
    return Arrays.copyOf(jpeg, length);
  }

  /** Returns a copy with {@code inserted} placed at {@code offset}. */
  static byte[] inserted(byte[] jpeg, int offset, byte... inserted) {
    byte[] copy = new byte[jpeg.length + inserted.length];
    System.arraycopy(jpeg, 0, copy, 0, offset);
    System.arraycopy(inserted, 0, copy, offset, inserted.length);
    System.arraycopy(jpeg, offset, copy, offset + inserted.length, jpeg.length - offset);
    return copy;
  }

  /** Returns bytes built from ints, each taken modulo 256, for hand-written segments. */
  static byte[] bytes(int... values) {
    byte[] result = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (byte) values[i];
    }
    return result;
  }
}
