package org.imageclassifier.core.image.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.imageclassifier.core.corpus.CorpusCase;
import org.imageclassifier.core.image.ImageDecodeException;
import org.imageclassifier.core.image.PixelPlanes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the reduced-scale decoder with ImageIO's full decode, averaged over blocks, on every
 * JPEG of the robustness corpus that the decoder reads itself. The others (CMYK, YCCK, arithmetic
 * coding) go to ImageIO, which {@code CorpusDecodeTest} covers.
 */
class CorpusJpegPsnrTest {

  /**
   * The lowest bound of {@link ScaledJpegDecoderTest}, for a progressive file whose chroma keeps
   * only its DC at 1/8. The 15 files score 35.7 to 77.1 dB at 1/8 and 1/1.
   */
  private static final double BOUND_DB = 30;

  private static final ScaledJpegDecoder DECODER = new ScaledJpegDecoder(100_000_000L);

  static List<CorpusCase> scaledPathJpegs() {
    List<CorpusCase> cases = new ArrayList<>();
    for (CorpusCase corpusCase : CorpusCase.all()) {
      if (corpusCase.classifies()
          && corpusCase.format().equals("JPEG")
          && readsHeader(corpusCase)) {
        cases.add(corpusCase);
      }
    }
    return cases;
  }

  static Stream<Arguments> filesAndScales() {
    return scaledPathJpegs().stream()
        .flatMap(c -> Stream.of(8, 1).map(scale -> Arguments.of(c.file(), c.bytes(), scale)));
  }

  @Test
  void mostCorpusJpegsTakeScaledPath() {
    assertThat(scaledPathJpegs()).hasSizeGreaterThanOrEqualTo(15);
  }

  @ParameterizedTest(name = "{0} at 1/{2}")
  @MethodSource("filesAndScales")
  void decodeMatchesImageIo(String file, byte[] jpeg, int scale) throws Exception {
    PixelPlanes actual = DECODER.decode(jpeg, scale, 3);

    PixelPlanes expected =
        ReferenceDecoder.blockAverage(ReferenceDecoder.decodeFull(jpeg, 3), scale);
    assertThat(ReferenceDecoder.psnr(expected, actual)).isGreaterThanOrEqualTo(BOUND_DB);
  }

  private static boolean readsHeader(CorpusCase corpusCase) {
    try {
      DECODER.readHeader(corpusCase.bytes());
      return true;
    } catch (UnsupportedJpegException | ImageDecodeException e) {
      return false;
    }
  }
}
