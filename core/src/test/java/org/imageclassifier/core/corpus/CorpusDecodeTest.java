package org.imageclassifier.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.imageclassifier.core.image.DecodedImage;
import org.imageclassifier.core.image.ImageDecodeException;
import org.imageclassifier.core.image.ImageDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CorpusDecodeTest {

  private final ImageDecoder decoder = new ImageDecoder();

  static List<CorpusCase> decodable() {
    return CorpusCase.all().stream().filter(CorpusCase::classifies).toList();
  }

  static List<CorpusCase> rejected() {
    return CorpusCase.all().stream().filter(c -> !c.classifies()).toList();
  }

  @Test
  void corpusHasAtLeastFortyCases() {
    assertThat(CorpusCase.all()).hasSizeGreaterThanOrEqualTo(40);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decodable")
  void decodesWithExpectedGeometry(CorpusCase input) throws Exception {
    DecodedImage image = decoder.decode(input.bytes(), 3, 28, 28);

    assertThat(image.format().name()).isEqualTo(input.format());
    assertThat(image.width()).isEqualTo(input.width());
    assertThat(image.height()).isEqualTo(input.height());
    assertThat(image.orientation()).isEqualTo(input.orientation());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void rejectsWithExpectedCode(CorpusCase input) {
    ImageDecodeException error =
        catchThrowableOfType(
            ImageDecodeException.class, () -> decoder.decode(input.bytes(), 3, 28, 28));

    assertThat(error).as("expected a rejection").isNotNull();
    assertThat(error.code().name()).isEqualTo(input.errorCode());
    assertThat(error.getMessage()).isNotBlank();
  }
}
