package org.imageclassifier.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageDecoderTest {

  private final ImageDecoder decoder = new ImageDecoder();

  @Test
  void grayPngKeepsSampleValues() throws Exception {
    byte[] png = TestImages.encode(TestImages.gray(5, 4, 129), "png");

    DecodedImage image = decoder.decode(png, 1, 5, 4);

    assertThat(image.format()).isEqualTo(ImageFormat.PNG);
    assertThat(image.pixels().samples()).containsOnly(129f);
  }

  @Test
  void grayPngToRgbCopiesGray() throws Exception {
    byte[] png = TestImages.encode(TestImages.gray(3, 3, 129), "png");

    PixelPlanes pixels = decoder.decode(png, 3, 3, 3).pixels();

    assertThat(pixels.channels()).isEqualTo(3);
    assertThat(pixels.samples()).containsOnly(129f);
  }

  @Test
  void rgbPngToGrayTakesLuma() throws Exception {
    byte[] png = TestImages.encode(TestImages.rgb(2, 2, 200, 100, 50), "png");

    PixelPlanes pixels = decoder.decode(png, 1, 2, 2).pixels();

    float luma = 0.299f * 200 + 0.587f * 100 + 0.114f * 50;
    assertThat(pixels.samples()[0]).isCloseTo(luma, within(1e-3f));
  }

  @Test
  void rgbPngKeepsChannelOrder() throws Exception {
    byte[] png = TestImages.encode(TestImages.rgb(2, 2, 200, 100, 50), "png");

    PixelPlanes pixels = decoder.decode(png, 3, 2, 2).pixels();

    assertThat(pixels.samples()[0]).isEqualTo(200f);
    assertThat(pixels.samples()[4]).isEqualTo(100f);
    assertThat(pixels.samples()[8]).isEqualTo(50f);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gif", "bmp", "jpeg", "tiff"})
  void decodesOtherJdkFormats(String format) throws Exception {
    byte[] bytes = TestImages.encode(TestImages.rgb(16, 8, 10, 120, 240), format);

    DecodedImage image = decoder.decode(bytes, 3, 16, 8);

    assertThat(image.width()).isEqualTo(16);
    assertThat(image.height()).isEqualTo(8);
    assertThat(image.pixels().samples()[0]).isCloseTo(10f, within(12f));
  }

  @Test
  void sixteenBitGrayScalesToEightBits() throws Exception {
    BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_USHORT_GRAY);
    image.getRaster().setSample(0, 0, 0, 65535);
    image.getRaster().setSample(1, 0, 0, 129 * 257);
    byte[] png = TestImages.encode(image, "png");

    float[] samples = decoder.decode(png, 1, 2, 2).pixels().samples();

    assertThat(samples[0]).isCloseTo(255f, within(1e-3f));
    assertThat(samples[1]).isCloseTo(129f, within(1e-3f));
  }

  @Test
  void largeImageIsSubsampledButReportsStoredSize() throws Exception {
    byte[] png = TestImages.encode(TestImages.gray(400, 300, 77), "png");

    DecodedImage image = decoder.decode(png, 1, 28, 28);

    assertThat(image.width()).isEqualTo(400);
    assertThat(image.height()).isEqualTo(300);
    assertThat(image.pixels().width()).isBetween(56, 200);
    assertThat(image.pixels().height()).isBetween(56, 150);
  }

  @Test
  void emptyInputIsRejected() {
    assertThatThrownBy(() -> decoder.decode(new byte[0], 1, 28, 28))
        .isInstanceOf(ImageDecodeException.class)
        .extracting(e -> ((ImageDecodeException) e).code())
        .isEqualTo(ErrorCode.EMPTY_IMAGE);
  }

  @Test
  void textIsRejectedAsNotAnImage() {
    byte[] text = "just some text".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> decoder.decode(text, 1, 28, 28))
        .extracting(e -> ((ImageDecodeException) e).code())
        .isEqualTo(ErrorCode.NOT_AN_IMAGE);
  }

  @Test
  void heifIsRejectedAsUnsupported() {
    byte[] heif = java.util.HexFormat.of().parseHex("0000001866747970686569630000000000000000");

    assertThatThrownBy(() -> decoder.decode(heif, 1, 28, 28))
        .extracting(e -> ((ImageDecodeException) e).code())
        .isEqualTo(ErrorCode.UNSUPPORTED_FORMAT);
  }

  @Test
  void hugeGifHeaderIsRejectedBeforeDecoding() {
    byte[] gif = gifHeader(65535, 8191);

    assertThatThrownBy(() -> decoder.decode(gif, 1, 28, 28))
        .isInstanceOf(ImageDecodeException.class)
        .hasMessageContaining("65535x8191")
        .extracting(e -> ((ImageDecodeException) e).code())
        .isEqualTo(ErrorCode.IMAGE_TOO_LARGE);
  }

  @Test
  void truncatedPngIsCorrupt() {
    byte[] png = TestImages.encode(TestImages.rgb(64, 64, 1, 2, 3), "png");
    byte[] truncated = Arrays.copyOf(png, png.length / 2);

    assertThatThrownBy(() -> decoder.decode(truncated, 1, 28, 28))
        .extracting(e -> ((ImageDecodeException) e).code())
        .isEqualTo(ErrorCode.CORRUPT_IMAGE);
  }

  @Test
  void pixelBudgetMustBePositive() {
    assertThatThrownBy(() -> new ImageDecoder(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive, was 0");
  }

  @Test
  void subsamplingKeepsTwiceTheTarget() {
    assertThat(ImageIoDecoder.subsamplingStep(4032, 3024, 28, 28)).isEqualTo(54);
    assertThat(ImageIoDecoder.subsamplingStep(50, 50, 28, 28)).isEqualTo(1);
    assertThat(ImageIoDecoder.subsamplingStep(112, 60, 28, 28)).isEqualTo(1);
  }

  /** Builds a 35-byte GIF89a whose screen and image descriptors declare the given size. */
  private static byte[] gifHeader(int width, int height) {
    ByteBuffer buffer = ByteBuffer.allocate(35).order(ByteOrder.LITTLE_ENDIAN);
    buffer.put("GIF89a".getBytes(StandardCharsets.US_ASCII));
    buffer.putShort((short) width).putShort((short) height);
    buffer.put((byte) 0).put((byte) 0).put((byte) 0);
    buffer.put((byte) 0x2C).putShort((short) 0).putShort((short) 0);
    buffer.putShort((short) width).putShort((short) height).put((byte) 0);
    buffer.put((byte) 2).put((byte) 2).put((byte) 0x4C).put((byte) 0x01).put((byte) 0);
    buffer.put((byte) 0x3B);
    return Arrays.copyOf(buffer.array(), buffer.position());
  }
}
