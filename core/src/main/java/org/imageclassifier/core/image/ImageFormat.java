package org.imageclassifier.core.image;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Image formats recognised from their leading bytes ("magic numbers"), never from a file name. */
public enum ImageFormat {
  JPEG(true),
  PNG(true),
  GIF(true),
  BMP(true),
  TIFF(true),
  WEBP(true),
  HEIF(false),
  AVIF(false),
  /** Bytes that match no known image format. */
  UNKNOWN(false);

  private final boolean decodable;

  ImageFormat(boolean decodable) {
    this.decodable = decodable;
  }

  /**
   * Returns whether this format has a decoder here. A recognised format without one is rejected as
   * {@link ErrorCode#UNSUPPORTED_FORMAT}.
   */
  public boolean decodable() {
    return decodable;
  }

  /** Detects the format from the first bytes of the input; never null. */
  public static ImageFormat detect(byte[] bytes) {
    if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
      return JPEG;
    }
    if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return PNG;
    }
    if (ascii(bytes, 0, "GIF87a") || ascii(bytes, 0, "GIF89a")) {
      return GIF;
    }
    if (ascii(bytes, 0, "BM") && bytes.length >= 26) {
      return BMP;
    }
    if (startsWith(bytes, 0, 'I', 'I', 42, 0) || startsWith(bytes, 0, 'M', 'M', 0, 42)) {
      return TIFF;
    }
    if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) {
      return WEBP;
    }
    return detectIsoMedia(bytes);
  }

  /** Detects HEIF and AVIF from the brand of the ISO base media {@code ftyp} box. */
  private static ImageFormat detectIsoMedia(byte[] bytes) {
    if (!ascii(bytes, 4, "ftyp") || bytes.length < 12) {
      return UNKNOWN;
    }
    String brand = new String(Arrays.copyOfRange(bytes, 8, 12), StandardCharsets.US_ASCII);
    return switch (brand) {
      case "avif", "avis" -> AVIF;
      case "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1" -> HEIF;
      default -> UNKNOWN;
    };
  }

  private static boolean ascii(byte[] bytes, int offset, String text) {
    return startsWith(bytes, offset, text.chars().toArray());
  }

  private static boolean startsWith(byte[] bytes, int offset, int... expected) {
    if (bytes.length < offset + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((bytes[offset + i] & 0xFF) != expected[i]) {
        return false;
      }
    }
    return true;
  }
}
