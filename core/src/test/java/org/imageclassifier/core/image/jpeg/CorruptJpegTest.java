package org.imageclassifier.core.image.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.imageclassifier.core.image.ErrorCode;
import org.imageclassifier.core.image.ImageDecodeException;
import org.imageclassifier.core.image.PixelPlanes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged files must end in {@link ImageDecodeException} or {@link UnsupportedJpegException}, never
 * in another exception or a hang. The timeouts only guard against endless loops: each sweep takes
 * well under a second.
 */
class CorruptJpegTest {

  private static final Duration HANG_GUARD = Duration.ofSeconds(60);

  /** A small budget, so that changed size bytes end in IMAGE_TOO_LARGE rather than big decodes. */
  private final ScaledJpegDecoder decoder = new ScaledJpegDecoder(100_000L);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "q75-420.jpg",
        "progressive-420.jpg",
        "restart-420.jpg",
        "restart-progressive-422.jpg",
        "size-33x65-422-restart.jpg",
        "sequential-scans-restart-420.jpg"
      })
  void everyTruncationIsCorrupt(String name) {
    byte[] jpeg = TestJpegs.load(name);
    int scanData = TestJpegs.segmentOffset(jpeg, 0xDA);

    // Every length in the header, and every 3rd in the compressed data.
    assertTimeoutPreemptively(
        HANG_GUARD,
        () -> {
          for (int length = 0; length < jpeg.length; length += length < scanData ? 1 : 3) {
            for (int scale : new int[] {8, 2}) {
              assertCorrupt(TestJpegs.truncated(jpeg, length), scale);
            }
          }
        });
  }

  private void assertCorrupt(byte[] jpeg, int scale) {
    assertThatThrownBy(() -> decoder.decode(jpeg, scale, 3))
        .as("%d bytes at 1/%d", jpeg.length, scale)
        .isInstanceOfSatisfying(
            ImageDecodeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_IMAGE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"q90-422.jpg", "progressive-444.jpg", "restart-progressive-422.jpg"})
  void changedBytesDecodeOrFailCleanly(String name) {
    byte[] jpeg = TestJpegs.load(name);
    Random random = new Random(42);

    int scanData = TestJpegs.segmentOffset(jpeg, 0xDA);

    // Every header byte, and every 4th byte of the compressed data, which fails in similar ways.
    assertTimeoutPreemptively(
        HANG_GUARD,
        () -> {
          for (int offset = 2; offset < jpeg.length; offset += offset < scanData ? 1 : 4) {
            byte[] damaged = TestJpegs.withByte(jpeg, offset, random.nextInt(256));
            for (int scale : new int[] {8, 2}) {
              assertDecodesOrFailsCleanly(damaged, scale);
            }
          }
        });
  }

  private void assertDecodesOrFailsCleanly(byte[] jpeg, int scale) {
    try {
      PixelPlanes planes = decoder.decode(jpeg, scale, 3);
      assertThat(planes.samples()).isNotEmpty();
    } catch (ImageDecodeException | UnsupportedJpegException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Test
  void scanBeforeFrameIsCorrupt() {
    byte[] jpeg = TestJpegs.load("q75-420.jpg");
    int scan = TestJpegs.segmentOffset(jpeg, 0xDA);
    byte[] reordered = TestJpegs.inserted(jpeg, 2, Arrays.copyOfRange(jpeg, scan, scan + 14));

    assertCorruptWithMessage(reordered, "comes before the frame header");
  }

  @Test
  void endOfImageRightAfterStartIsCorrupt() {
    assertCorruptWithMessage(TestJpegs.bytes(0xFF, 0xD8, 0xFF, 0xD9), "before the frame header");
  }

  @Test
  void notStartingWithSoiIsCorrupt() {
    assertCorruptWithMessage(TestJpegs.bytes(0x89, 'P', 'N', 'G'), "does not start with an SOI");
  }

  @Test
  void secondFrameHeaderIsCorrupt() {
    byte[] jpeg = TestJpegs.load("q75-420.jpg");
    int frame = TestJpegs.segmentOffset(jpeg, 0xC0);
    int scan = TestJpegs.segmentOffset(jpeg, 0xDA);
    byte[] twice = TestJpegs.inserted(jpeg, scan, Arrays.copyOfRange(jpeg, frame, frame + 19));

    assertCorruptWithMessage(twice, "second frame header");
  }

  @Test
  void zeroWidthIsCorrupt() {
    byte[] jpeg = TestJpegs.load("q75-420.jpg");
    int frame = TestJpegs.segmentOffset(jpeg, 0xC0);
    byte[] empty = TestJpegs.withByte(TestJpegs.withByte(jpeg, frame + 7, 0), frame + 8, 0);

    assertCorruptWithMessage(empty, "empty size 0x107");
  }

  @ParameterizedTest
  @ValueSource(ints = {0x01, 0x50, 0x15, 0x00})
  void samplingFactorOutsideOneToFourIsCorrupt(int factors) {
    byte[] jpeg = TestJpegs.load("q75-420.jpg");
    int frame = TestJpegs.segmentOffset(jpeg, 0xC0);

    assertCorruptWithMessage(TestJpegs.withByte(jpeg, frame + 11, factors), "sampling factors");
  }

  @Test
  void samplingRatioOfThreeIsUnsupported() {
    byte[] jpeg = TestJpegs.load("q90-444.jpg");
    int frame = TestJpegs.segmentOffset(jpeg, 0xC0);

    assertUnsupported(TestJpegs.withByte(jpeg, frame + 11, 0x33), "3x3, 1x1, 1x1");
  }

  @Test
  void undefinedQuantizationTableIsCorrupt() {
    byte[] jpeg = TestJpegs.load("q75-420.jpg");
    int frame = TestJpegs.segmentOffset(jpeg, 0xC0);

    assertCorruptWithMessage(
        TestJpegs.withByte(jpeg, frame + 12, 3), "quantization table 3 before it is defined");
  }

  @Test
  void undefinedHuffmanTableIsCorrupt() {
    byte[] jpeg = TestJpegs.load("q75-420.jpg");
    int scan = TestJpegs.segmentOffset(jpeg, 0xDA);

    assertCorruptWithMessage(
        TestJpegs.withByte(jpeg, scan + 6, 0x33), "DC Huffman table 3 before it is defined");
  }

  @Test
  void scanOfUnknownComponentIsCorrupt() {
    byte[] jpeg = TestJpegs.load("q75-420.jpg");
    int scan = TestJpegs.segmentOffset(jpeg, 0xDA);

    assertCorruptWithMessage(TestJpegs.withByte(jpeg, scan + 5, 9), "component 9");
  }

  @Test
  void invalidHuffmanCodeIsCorrupt() {
    byte[] jpeg = TestJpegs.load("q75-420.jpg");
    int data = TestJpegs.segmentOffset(jpeg, 0xDA) + 14;
    byte[] ones = jpeg.clone();
    for (int i = data; i < data + 8; i += 2) {
      ones[i] = (byte) 0xFF;
      ones[i + 1] = 0;
    }

    assertCorruptWithMessage(ones, "invalid Huffman code");
  }

  @Test
  void overfullHuffmanTableIsCorrupt() {
    byte[] jpeg = TestJpegs.load("q75-420.jpg");
    // Three codes of length 1, where two fit.
    byte[] table = new byte[24];
    byte[] header = TestJpegs.bytes(0xFF, 0xC4, 0, 22, 0x00, 3);
    System.arraycopy(header, 0, table, 0, header.length);
    table[22] = 1;
    table[23] = 2;

    assertCorruptWithMessage(TestJpegs.inserted(jpeg, 2, table), "more codes than fit 1 bits");
  }

  @Test
  void wrongRestartMarkerIsCorrupt() throws ImageDecodeException {
    byte[] jpeg = TestJpegs.load("restart-420.jpg");
    int data = TestJpegs.segmentOffset(jpeg, 0xDA) + 14;
    int marker = BitReader.findMarker(jpeg, data);
    assertThat(jpeg[marker + 1] & 0xFF).isEqualTo(0xD0);

    assertCorruptWithMessage(TestJpegs.withByte(jpeg, marker + 1, 0xD3), "expected marker RST0");
  }

  @Test
  void tooManyScansAreCorrupt() {
    byte[] jpeg = TestJpegs.load("progressive-gray.jpg");
    ByteArrayOutputStream scans = new ByteArrayOutputStream();
    // A DC refinement scan of the gray component: one zero bit per block, 20x14 blocks.
    byte[] refinement = TestJpegs.bytes(0xFF, 0xDA, 0, 8, 1, 1, 0x00, 0, 0, 0x10);
    for (int i = 0; i <= JpegStreamDecoder.MAX_SCANS; i++) {
      scans.writeBytes(refinement);
      scans.writeBytes(new byte[35]);
    }
    byte[] many = TestJpegs.inserted(jpeg, jpeg.length - 2, scans.toByteArray());

    assertCorruptWithMessage(many, "more than 500 scans");
  }

  @Test
  void adobeTransformZeroIsUnsupportedRgb() {
    byte[] jpeg = TestJpegs.load("photo-hubble-444.jpg");
    int adobe = TestJpegs.segmentOffset(jpeg, 0xEE);

    assertUnsupported(TestJpegs.withByte(jpeg, adobe + 15, 0), "RGB colour (Adobe transform 0)");
  }

  @ParameterizedTest
  @ValueSource(ints = {0xC3, 0xC5, 0xC7, 0xC9, 0xCB, 0xCD, 0xCF})
  void otherCodingProcessesAreUnsupported(int marker) {
    byte[] jpeg = TestJpegs.load("q75-420.jpg");
    int frame = TestJpegs.segmentOffset(jpeg, 0xC0);

    assertUnsupported(TestJpegs.withByte(jpeg, frame + 1, marker), "coding (SOF");
  }

  @Test
  void twelveBitSamplesAreUnsupported() {
    byte[] jpeg = TestJpegs.load("q75-420.jpg");
    int frame = TestJpegs.segmentOffset(jpeg, 0xC0);

    assertUnsupported(TestJpegs.withByte(jpeg, frame + 4, 12), "12-bit samples");
  }

  @Test
  void fourComponentsAreUnsupported() {
    byte[] cmyk =
        TestJpegs.bytes(
            0xFF, 0xD8, 0xFF, 0xC0, 0, 20, 8, 0, 16, 0, 16, 4, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0,
            4, 0x11, 0, 0xFF, 0xD9);

    assertUnsupported(cmyk, "4 colour components (CMYK or YCCK)");
  }

  @Test
  void arithmeticConditioningSegmentIsUnsupported() {
    byte[] jpeg = TestJpegs.load("q75-420.jpg");
    byte[] conditioning = TestJpegs.bytes(0xFF, 0xCC, 0, 4, 0x00, 0x10);

    assertUnsupported(TestJpegs.inserted(jpeg, 2, conditioning), "arithmetic coding");
  }

  private void assertCorruptWithMessage(byte[] jpeg, String detail) {
    assertThatThrownBy(() -> decoder.decode(jpeg, 8, 3))
        .isInstanceOfSatisfying(
            ImageDecodeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_IMAGE))
        .hasMessageContaining(detail);
  }

  private void assertUnsupported(byte[] jpeg, String feature) {
    assertThatThrownBy(() -> decoder.readHeader(jpeg))
        .isInstanceOf(UnsupportedJpegException.class)
        .hasMessageContaining(feature);
  }
}
