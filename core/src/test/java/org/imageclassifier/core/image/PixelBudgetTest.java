package org.imageclassifier.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PixelBudgetTest {

  @Test
  void heapSetsFullResolutionLimit() {
    PixelBudget budget = PixelBudget.forHeap(240L * 1_000_000);

    assertThat(budget.maxPixels(ImageFormat.JPEG)).isEqualTo(PixelBudget.DEFAULT_MAX_PIXELS);
    assertThat(budget.maxPixels(ImageFormat.PNG)).isEqualTo(PixelBudget.DEFAULT_MAX_PIXELS);
    assertThat(budget.maxPixels(ImageFormat.GIF)).isEqualTo(PixelBudget.DEFAULT_MAX_PIXELS);
    assertThat(budget.maxPixels(ImageFormat.TIFF)).isEqualTo(20_000_000);
    assertThat(budget.maxPixels(ImageFormat.BMP)).isEqualTo(20_000_000);
    assertThat(budget.maxPixels(ImageFormat.WEBP)).isEqualTo(20_000_000);
  }

  @Test
  void largeHeapKeepsCaps() {
    PixelBudget budget = PixelBudget.forHeap(64L << 30);

    assertThat(budget.maxPixels(ImageFormat.TIFF)).isEqualTo(PixelBudget.DEFAULT_MAX_PIXELS);
    assertThat(budget.maxPixels(ImageFormat.WEBP)).isEqualTo(PixelBudget.WEBP_MAX_PIXELS);
  }

  @Test
  void tinyHeapStillAdmitsSmallImages() {
    PixelBudget budget = PixelBudget.forHeap(-5);

    assertThat(budget.maxPixels(ImageFormat.TIFF)).isEqualTo((1L << 20) / 12);
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> new PixelBudget(1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fullResolutionMaxPixels");
  }

  @Test
  void decoderRejectsTiffAboveItsLimit() throws Exception {
    byte[] tiff = TestImages.encode(TestImages.rgb(300, 200, 10, 20, 30), "tiff");
    ImageDecoder decoder = new ImageDecoder(new PixelBudget(100_000_000, 50_000, 50_000));

    assertThatThrownBy(() -> decoder.decode(tiff, 1, 28, 28))
        .isInstanceOfSatisfying(
            ImageDecodeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.IMAGE_TOO_LARGE));
  }
}
