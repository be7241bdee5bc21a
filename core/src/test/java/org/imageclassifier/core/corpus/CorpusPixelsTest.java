package org.imageclassifier.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.imageclassifier.core.image.ImageDecoder;
import org.imageclassifier.core.image.PixelPlanes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks decoded pixel values, not only geometry, on corpus files with known content. */
class CorpusPixelsTest {

  private final ImageDecoder decoder = new ImageDecoder();

  /**
   * The orientation files store one 40x20 image with red, green, blue and white quadrants
   * (top-left, top-right, bottom-left, bottom-right) and differ only in the EXIF tag.
   */
  @ParameterizedTest(name = "orientation {0}: top-left is {1}")
  @CsvSource({
    "1, 255, 0, 0",
    "2, 0, 255, 0",
    "3, 255, 255, 255",
    "4, 0, 0, 255",
    "5, 255, 0, 0",
    "6, 0, 0, 255",
    "7, 255, 255, 255",
    "8, 0, 255, 0",
  })
  void orientationMovesQuadrants(int orientation, int red, int green, int blue) throws Exception {
    PixelPlanes pixels = decode("jpeg-exif-orientation-" + orientation + ".jpg");

    assertThat(pixel(pixels, 0, 1, 1)).isCloseTo(red, within(40f));
    assertThat(pixel(pixels, 1, 1, 1)).isCloseTo(green, within(40f));
    assertThat(pixel(pixels, 2, 1, 1)).isCloseTo(blue, within(40f));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"png-rgba-8bit.png", "png-rgba-16bit.png", "webp-alpha.webp"})
  void transparentLeftEdgeIsWhite(String file) throws Exception {
    PixelPlanes pixels = decode(file);
    PixelPlanes opaque = decode("png-rgb-8bit.png");
    int right = pixels.width() - 1;

    for (int channel = 0; channel < 3; channel++) {
      assertThat(pixel(pixels, channel, 0, 40)).isCloseTo(255f, within(8f));
      assertThat(pixel(pixels, channel, right, 40))
          .isCloseTo(pixel(opaque, channel, right, 40), within(12f));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"jpeg-cmyk-adobe.jpg", "jpeg-ycck-adobe.jpg"})
  void cmykColoursMatchRgb(String file) throws Exception {
    float[] expected = meanColour(decode("jpeg-baseline.jpg"));
    float[] actual = meanColour(decode(file));

    for (int channel = 0; channel < 3; channel++) {
      assertThat(actual[channel]).isCloseTo(expected[channel], within(20f));
    }
  }

  @Test
  void grayAndColourJpegAgreeOnLuma() throws Exception {
    float gray = meanColour(decodeGray("jpeg-gray.jpg"))[0];
    float luma = meanColour(decodeGray("jpeg-baseline.jpg"))[0];

    assertThat(gray).isCloseTo(luma, within(3f));
  }

  private PixelPlanes decode(String file) throws Exception {
    return decoder.decode(read(file), 3, 1000, 1000).pixels();
  }

  private PixelPlanes decodeGray(String file) throws Exception {
    return decoder.decode(read(file), 1, 1000, 1000).pixels();
  }

  private static byte[] read(String file) {
    return CorpusCase.all().stream()
        .filter(c -> c.file().equals(file))
        .findFirst()
        .orElseThrow()
        .bytes();
  }

  private static float pixel(PixelPlanes pixels, int channel, int x, int y) {
    return pixels.samples()[channel * pixels.planeSize() + y * pixels.width() + x];
  }

  private static float[] meanColour(PixelPlanes pixels) {
    float[] mean = new float[pixels.channels()];
    for (int channel = 0; channel < pixels.channels(); channel++) {
      double sum = 0;
      for (int i = 0; i < pixels.planeSize(); i++) {
        sum += pixels.samples()[channel * pixels.planeSize() + i];
      }
      mean[channel] = (float) (sum / pixels.planeSize());
    }
    return mean;
  }
}
