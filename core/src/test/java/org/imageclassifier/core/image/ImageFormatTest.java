package org.imageclassifier.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageFormatTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "FFD8FFE000104A464946, JPEG",
    "89504E470D0A1A0A0000, PNG",
    "474946383961, GIF",
    "474946383761, GIF",
    "49492A0008000000, TIFF",
    "4D4D002A00000008, TIFF",
    "524946460000000057454250, WEBP",
    "0000001866747970686569630000, HEIF",
    "00000018667479706D6966310000, HEIF",
    "0000001C667479706176696600000000, AVIF",
    "255044462D312E37, UNKNOWN",
    "3C68746D6C3E, UNKNOWN",
    "FFD8, UNKNOWN",
  })
  void detectsFormatFromLeadingBytes(String hex, ImageFormat expected) {
    assertThat(ImageFormat.detect(java.util.HexFormat.of().parseHex(hex))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"hello world", "'{\"a\": 1}'"})
  void textIsNotAnImage(String text) {
    assertThat(ImageFormat.detect(text.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(ImageFormat.UNKNOWN);
  }

  @org.junit.jupiter.api.Test
  void bitmapNeedsFullHeader() {
    byte[] shortBitmap = {'B', 'M', 0, 0};
    assertThat(ImageFormat.detect(shortBitmap)).isEqualTo(ImageFormat.UNKNOWN);
  }
}
