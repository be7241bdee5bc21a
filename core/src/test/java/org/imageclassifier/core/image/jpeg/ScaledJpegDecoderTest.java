package org.imageclassifier.core.image.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.imageclassifier.core.image.ErrorCode;
import org.imageclassifier.core.image.ImageDecodeException;
import org.imageclassifier.core.image.PixelPlanes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares reduced-scale decodes with ImageIO's full decode averaged over blocks.
 *
 * <p>PSNR bounds, for scale: a mean error of one grey level is 48 dB. The decoder averages each
 * block exactly, so on the Y plane only libjpeg's integer IDCT, rounding to integers and the
 * clamping of ringing differ. The files here score 48.7 to 76.9 dB and the bound is 45 dB. RGB adds
 * chroma upsampling, which ImageIO interpolates while the decoder repeats samples where chroma is
 * still subsampled at the chosen scale. That costs the most at 1/1 (41.8 dB at worst), so the bound
 * is 40 dB. A progressive file at 1/8 keeps only the DC of chroma, half the output resolution per
 * axis at 4:2:0. That scores 34.0 and 36.2 dB, bound 30 dB.
 */
class ScaledJpegDecoderTest {

  private static final double GRAY_BOUND_DB = 45;
  private static final double RGB_BOUND_DB = 40;
  private static final double DC_ONLY_CHROMA_BOUND_DB = 30;

  private static final List<String> SUPPORTED =
      List.of(
          "photo-rocket-444.jpg",
          "photo-retina-420.jpg",
          "photo-hubble-444.jpg",
          "q50-420.jpg",
          "q75-420.jpg",
          "q100-420.jpg",
          "q90-444.jpg",
          "q90-422.jpg",
          "q90-440.jpg",
          "q90-411.jpg",
          "gray-q85.jpg",
          "progressive-420.jpg",
          "progressive-444.jpg",
          "progressive-gray.jpg",
          "restart-420.jpg",
          "restart-progressive-422.jpg",
          "sequential-scans-restart-420.jpg",
          "three-tables-optimized.jpg",
          "extended-q10.jpg",
          "size-1x1-420.jpg",
          "size-17x9-420.jpg",
          "size-17x9-progressive-444.jpg",
          "size-33x65-422-restart.jpg",
          "size-9x23-gray.jpg");

  private final ScaledJpegDecoder decoder = new ScaledJpegDecoder(100_000_000L);

  static Stream<Arguments> filesScalesAndChannels() {
    List<Arguments> cases = new ArrayList<>();
    for (String name : SUPPORTED) {
      for (int scale : new int[] {8, 4, 2, 1}) {
        cases.add(Arguments.of(name, scale, 1));
        cases.add(Arguments.of(name, scale, 3));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} at 1/{1}, {2} channels")
  @MethodSource("filesScalesAndChannels")
  void decodeMatchesBlockAverage(String name, int scale, int channels) throws Exception {
    byte[] jpeg = TestJpegs.load(name);
    JpegHeader header = decoder.readHeader(jpeg);

    PixelPlanes actual = decoder.decode(jpeg, scale, channels);

    PixelPlanes expected =
        ReferenceDecoder.blockAverage(ReferenceDecoder.decodeFull(jpeg, channels), scale);
    assertThat(actual.channels()).isEqualTo(channels);
    assertThat(actual.width()).isEqualTo((header.width() + scale - 1) / scale);
    assertThat(actual.height()).isEqualTo((header.height() + scale - 1) / scale);
    assertThat(ReferenceDecoder.psnr(expected, actual))
        .isGreaterThanOrEqualTo(bound(header, scale, channels));
  }

  private static double bound(JpegHeader header, int scale, int channels) {
    if (channels == 1 || header.components().size() == 1) {
      return GRAY_BOUND_DB;
    }
    JpegComponent luma = header.components().get(0);
    JpegComponent chroma = header.components().get(1);
    boolean subsampled =
        luma.horizontalSampling() != chroma.horizontalSampling()
            || luma.verticalSampling() != chroma.verticalSampling();
    return header.progressive() && scale == 8 && subsampled
        ? DC_ONLY_CHROMA_BOUND_DB
        : RGB_BOUND_DB;
  }

  @Test
  void grayOfColourFileIsLumaPlane() throws Exception {
    byte[] jpeg = TestJpegs.load("q90-444.jpg");

    PixelPlanes gray = decoder.decode(jpeg, 1, 1);

    PixelPlanes luma = ReferenceDecoder.decodeFull(jpeg, 1);
    assertThat(ReferenceDecoder.psnr(luma, gray)).isGreaterThan(55);
  }

  @Test
  void grayFileDecodesToThreeEqualPlanes() throws Exception {
    PixelPlanes rgb = decoder.decode(TestJpegs.load("gray-q85.jpg"), 4, 3);

    int size = rgb.planeSize();
    float[] samples = rgb.samples();
    for (int i = 0; i < size; i++) {
      assertThat(samples[size + i]).isEqualTo(samples[i]);
      assertThat(samples[2 * size + i]).isEqualTo(samples[i]);
    }
  }

  @Test
  void samplesStayInByteRange() throws Exception {
    PixelPlanes rgb = decoder.decode(TestJpegs.load("q50-420.jpg"), 1, 3);

    for (float sample : rgb.samples()) {
      assertThat(sample).isBetween(0f, 255f);
    }
  }

  @Test
  void readHeaderReportsBaselineFrame() throws Exception {
    JpegHeader header = decoder.readHeader(TestJpegs.load("photo-retina-420.jpg"));

    assertThat(header.width()).isEqualTo(240);
    assertThat(header.height()).isEqualTo(240);
    assertThat(header.progressive()).isFalse();
    assertThat(header.adobeTransform()).isEqualTo(-1);
    assertThat(header.components())
        .containsExactly(
            new JpegComponent(1, 2, 2, 0),
            new JpegComponent(2, 1, 1, 1),
            new JpegComponent(3, 1, 1, 1));
  }

  @Test
  void readHeaderReportsProgressiveAndAdobe() throws Exception {
    JpegHeader progressive = decoder.readHeader(TestJpegs.load("progressive-gray.jpg"));
    JpegHeader adobe = decoder.readHeader(TestJpegs.load("photo-hubble-444.jpg"));

    assertThat(progressive.progressive()).isTrue();
    assertThat(progressive.components()).hasSize(1);
    assertThat(adobe.adobeTransform()).isEqualTo(1);
  }

  @Test
  void scaledSizesRoundUp() throws Exception {
    JpegHeader header = decoder.readHeader(TestJpegs.load("size-17x9-420.jpg"));

    assertThat(header.scaledWidth(8)).isEqualTo(3);
    assertThat(header.scaledHeight(8)).isEqualTo(2);
    assertThat(header.scaledWidth(2)).isEqualTo(9);
    assertThat(header.scaledHeight(2)).isEqualTo(5);
  }

  @Test
  void scaleDenominatorKeepsMinimumSize() {
    assertThat(ScaledJpegDecoder.scaleDenominatorFor(4032, 3024, 448, 448)).isEqualTo(4);
    assertThat(ScaledJpegDecoder.scaleDenominatorFor(4032, 3024, 56, 56)).isEqualTo(8);
    assertThat(ScaledJpegDecoder.scaleDenominatorFor(640, 480, 448, 448)).isEqualTo(1);
    assertThat(ScaledJpegDecoder.scaleDenominatorFor(1000, 1000, 448, 448)).isEqualTo(2);
  }

  @Test
  void imageAboveBudgetIsRejectedBeforeDecoding() {
    ScaledJpegDecoder small = new ScaledJpegDecoder(160 * 107 - 1);

    assertThatThrownBy(() -> small.decode(TestJpegs.load("q75-420.jpg"), 8, 3))
        .isInstanceOfSatisfying(
            ImageDecodeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.IMAGE_TOO_LARGE))
        .hasMessageContaining("160x107");
  }

  @Test
  void hugeDeclaredSizeIsRejectedWithoutAllocating() {
    byte[] jpeg = TestJpegs.load("q75-420.jpg");
    int frame = TestJpegs.segmentOffset(jpeg, 0xC0);
    byte[] huge = jpeg.clone();
    for (int i = 5; i <= 8; i++) {
      huge[frame + i] = (byte) 0xFF;
    }

    assertThatThrownBy(() -> decoder.decode(huge, 8, 3))
        .isInstanceOfSatisfying(
            ImageDecodeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.IMAGE_TOO_LARGE))
        .hasMessageContaining("65535x65535");
  }

  @Test
  void sizeBeyondJavaArraysIsTooLargeWithoutBudget() {
    byte[] jpeg = TestJpegs.load("q75-420.jpg");
    int frame = TestJpegs.segmentOffset(jpeg, 0xC0);
    byte[] huge = jpeg.clone();
    for (int i = 5; i <= 8; i++) {
      huge[frame + i] = (byte) 0xFF;
    }
    ScaledJpegDecoder unlimited = new ScaledJpegDecoder(Long.MAX_VALUE);

    assertThatThrownBy(() -> unlimited.decode(huge, 1, 3))
        .isInstanceOfSatisfying(
            ImageDecodeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.IMAGE_TOO_LARGE));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3, 16})
  void invalidScaleIsRejected(int scale) {
    assertThatThrownBy(() -> decoder.decode(TestJpegs.load("q75-420.jpg"), scale, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scaleDenominator must be 1, 2, 4 or 8, was " + scale);
  }

  @Test
  void invalidChannelCountIsRejected() {
    assertThatThrownBy(() -> decoder.decode(TestJpegs.load("q75-420.jpg"), 8, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("channels must be 1 or 3, was 2");
  }

  @Test
  void nonPositiveBudgetIsRejected() {
    assertThatThrownBy(() -> new ScaledJpegDecoder(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPixels must be positive, was 0");
  }

  @Test
  void progressiveAndBaselineOfSameImageAgree() throws Exception {
    PixelPlanes baseline = decoder.decode(TestJpegs.load("restart-420.jpg"), 4, 1);
    PixelPlanes progressive = decoder.decode(TestJpegs.load("progressive-420.jpg"), 4, 1);

    // Both files come from the same pixels at quality 85 with the same tables.
    assertThat(ReferenceDecoder.psnr(baseline, progressive)).isGreaterThan(60);
  }

  @Test
  void fillBytesBeforeMarkersAreSkipped() throws Exception {
    byte[] jpeg = TestJpegs.load("restart-420.jpg");
    int restart = BitReader.findMarker(jpeg, TestJpegs.segmentOffset(jpeg, 0xDA) + 14);
    byte[] filled = TestJpegs.inserted(jpeg, jpeg.length - 2, (byte) 0xFF, (byte) 0xFF);
    filled = TestJpegs.inserted(filled, restart, (byte) 0xFF);
    filled = TestJpegs.inserted(filled, TestJpegs.segmentOffset(jpeg, 0xC0), (byte) 0xFF);

    PixelPlanes original = decoder.decode(jpeg, 2, 3);
    PixelPlanes withFill = decoder.decode(filled, 2, 3);

    assertThat(withFill.samples()).containsExactly(original.samples());
  }

  @Test
  void bytesAfterEndOfImageAreIgnored() throws Exception {
    byte[] jpeg = TestJpegs.load("progressive-420.jpg");
    byte[] trailing = TestJpegs.inserted(jpeg, jpeg.length, TestJpegs.bytes(0, 0xFF, 0xD8, 7));

    PixelPlanes original = decoder.decode(jpeg, 8, 3);
    PixelPlanes withTrailing = decoder.decode(trailing, 8, 3);

    assertThat(withTrailing.samples()).containsExactly(original.samples());
  }

  static Stream<String> unsupportedFiles() throws IOException {
    return Stream.of(
        "unsupported-arithmetic.jpg",
        "unsupported-arithmetic-progressive.jpg",
        "unsupported-rgb.jpg");
  }

  @ParameterizedTest
  @MethodSource("unsupportedFiles")
  void unsupportedFileNamesFeature(String name) {
    byte[] jpeg = TestJpegs.load(name);

    assertThatThrownBy(() -> decoder.decode(jpeg, 8, 3))
        .isInstanceOf(UnsupportedJpegException.class)
        .satisfies(
            e ->
                assertThat(((UnsupportedJpegException) e).feature())
                    .containsAnyOf("arithmetic coding", "RGB colour"));
  }
}
