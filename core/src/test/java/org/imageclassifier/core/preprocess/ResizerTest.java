package org.imageclassifier.core.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.imageclassifier.core.image.PixelPlanes;
import org.imageclassifier.core.model.ResizeMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResizerTest {

  @Test
  void areaAveragesWholeBlocks() {
    PixelPlanes source = new PixelPlanes(1, 4, 2, new float[] {0, 10, 20, 30, 40, 50, 60, 70});

    PixelPlanes resized = Resizer.resize(source, 2, 1, ResizeMethod.AREA);

    assertThat(resized.samples()).containsExactly(25f, 45f);
  }

  @Test
  void areaWeighsPartialPixels() {
    PixelPlanes source = new PixelPlanes(1, 3, 1, new float[] {0, 30, 60});

    PixelPlanes resized = Resizer.resize(source, 2, 1, ResizeMethod.AREA);

    // Output pixel 0 covers source 0 fully and half of source 1: (0 + 0.5 * 30) / 1.5.
    assertThat(resized.samples()[0]).isCloseTo(10f, within(1e-4f));
    assertThat(resized.samples()[1]).isCloseTo(50f, within(1e-4f));
  }

  @ParameterizedTest(name = "{0}x{1} -> {2}x{3} {4}")
  @CsvSource({
    "97, 61, 28, 28, AREA",
    "5, 3, 28, 28, AREA",
    "97, 61, 28, 28, BILINEAR",
    "28, 28, 56, 10, AREA",
  })
  void constantImageStaysConstant(
      int width, int height, int toWidth, int toHeight, ResizeMethod method) {
    PixelPlanes source = constant(3, width, height, 123.5f);

    PixelPlanes resized = Resizer.resize(source, toWidth, toHeight, method);

    assertThat(resized.width()).isEqualTo(toWidth);
    assertThat(resized.height()).isEqualTo(toHeight);
    for (float sample : resized.samples()) {
      assertThat(sample).isCloseTo(123.5f, within(1e-3f));
    }
  }

  @Test
  void areaPreservesMeanWhenShrinking() {
    PixelPlanes source = gradient(120, 90);

    PixelPlanes resized = Resizer.resize(source, 28, 28, ResizeMethod.AREA);

    assertThat(mean(resized)).isCloseTo(mean(source), within(0.5));
  }

  @Test
  void areaSuppressesAliasingOfFinePattern() {
    float[] stripes = new float[64 * 64];
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = (i % 2) * 255f;
    }
    PixelPlanes source = new PixelPlanes(1, 64, 64, stripes);

    PixelPlanes resized = Resizer.resize(source, 28, 28, ResizeMethod.AREA);

    for (float sample : resized.samples()) {
      assertThat(sample).isCloseTo(127.5f, within(20f));
    }
  }

  @Test
  void sameSizeReturnsInput() {
    PixelPlanes source = gradient(28, 28);

    assertThat(Resizer.resize(source, 28, 28, ResizeMethod.AREA)).isSameAs(source);
  }

  @Test
  void enlargingInterpolatesBetweenNeighbours() {
    PixelPlanes source = new PixelPlanes(1, 2, 1, new float[] {0, 100});

    PixelPlanes resized = Resizer.resize(source, 4, 1, ResizeMethod.AREA);

    assertThat(resized.samples()).containsExactly(0f, 25f, 75f, 100f);
  }

  private static PixelPlanes constant(int channels, int width, int height, float value) {
    float[] samples = new float[channels * width * height];
    java.util.Arrays.fill(samples, value);
    return new PixelPlanes(channels, width, height, samples);
  }

  private static PixelPlanes gradient(int width, int height) {
    float[] samples = new float[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        samples[y * width + x] = (x * 255f / width + y * 100f / height) % 256;
      }
    }
    return new PixelPlanes(1, width, height, samples);
  }

  private static double mean(PixelPlanes planes) {
    double sum = 0;
    for (float sample : planes.samples()) {
      sum += sample;
    }
    return sum / planes.samples().length;
  }
}
