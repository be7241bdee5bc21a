package org.imageclassifier.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.imageclassifier.core.model.ResizeMethod;
import org.imageclassifier.core.preprocess.Resizer;
import org.junit.jupiter.api.Test;

class ScaledJpegPathTest {

  private static final byte[] PHOTO = TestImages.encode(gradient(640, 480), "jpeg");

  @Test
  void largeJpegIsDecodedAtOneEighth() throws Exception {
    ScaledJpegPath path = new ScaledJpegPath(PixelBudget.DEFAULT_MAX_PIXELS);

    DecodedImage image = path.decode(PHOTO, new DecodeTarget(3, 28, 28, 1)).orElseThrow();

    assertThat(image.width()).isEqualTo(640);
    assertThat(image.height()).isEqualTo(480);
    assertThat(image.pixels().width()).isEqualTo(80);
    assertThat(image.pixels().height()).isEqualTo(60);
  }

  @Test
  void scaledAndImageIoAgreeAfterResize() throws Exception {
    DecodeTarget target = new DecodeTarget(3, 28, 28, 1);
    DecodedImage scaled =
        new ScaledJpegPath(PixelBudget.DEFAULT_MAX_PIXELS).decode(PHOTO, target).orElseThrow();
    DecodedImage imageIo =
        new ImageIoDecoder(PixelBudget.uniform(PixelBudget.DEFAULT_MAX_PIXELS))
            .decode(PHOTO, ImageFormat.JPEG, target);

    float[] a = Resizer.resize(scaled.pixels(), 28, 28, ResizeMethod.AREA).samples();
    float[] b = Resizer.resize(imageIo.pixels(), 28, 28, ResizeMethod.AREA).samples();

    for (int i = 0; i < a.length; i++) {
      assertThat(a[i]).as("sample %d", i).isCloseTo(b[i], within(6f));
    }
  }

  @Test
  void cmykJpegFallsBackToImageIo() throws Exception {
    byte[] cmyk = CorpusBytes.read("jpeg-cmyk-adobe.jpg");

    assertThat(new ScaledJpegPath(PixelBudget.DEFAULT_MAX_PIXELS).decode(cmyk, target())).isEmpty();
  }

  @Test
  void budgetIsCheckedFromHeader() {
    ScaledJpegPath path = new ScaledJpegPath(1000);

    assertThatThrownBy(() -> path.decode(PHOTO, target()))
        .isInstanceOf(ImageDecodeException.class)
        .hasMessageContaining("640x480");
  }

  private static DecodeTarget target() {
    return new DecodeTarget(3, 28, 28, 1);
  }

  /** Returns a smooth colour gradient, where point sampling and area averaging agree. */
  private static BufferedImage gradient(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int red = x * 255 / width;
        int green = y * 255 / height;
        image.setRGB(x, y, new Color(red, green, 128).getRGB());
      }
    }
    return image;
  }

  /** Reads a file of the shared corpus. */
  private static final class CorpusBytes {
    static byte[] read(String file) throws java.io.IOException {
      try (var in = ScaledJpegPathTest.class.getResourceAsStream("/corpus/" + file)) {
        return in.readAllBytes();
      }
    }
  }
}
