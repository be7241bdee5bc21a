package org.imageclassifier.core.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.imageclassifier.core.image.PixelPlanes;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.ResizeMethod;
import org.junit.jupiter.api.Test;

class PreprocessorTest {

  private static final ModelContract.Preprocessing GRAY_SETTINGS =
      new ModelContract.Preprocessing(
          ResizeMethod.AREA, 1 / 255.0, new float[] {0.5f}, new float[] {0.25f});

  @Test
  void normalisesScaledSamples() {
    Preprocessor preprocessor = new Preprocessor(input(1, 2, 1), GRAY_SETTINGS);
    PixelPlanes pixels = new PixelPlanes(1, 2, 1, new float[] {0, 255});

    float[] tensor = preprocessor.toTensor(pixels);

    assertThat(tensor[0]).isCloseTo(-2f, within(1e-6f));
    assertThat(tensor[1]).isCloseTo(2f, within(1e-6f));
  }

  @Test
  void writesAtOffsetInBatchBuffer() {
    Preprocessor preprocessor = new Preprocessor(input(1, 2, 1), GRAY_SETTINGS);
    float[] batch = new float[6];

    preprocessor.writeTensor(new PixelPlanes(1, 2, 1, new float[] {255, 255}), batch, 2);

    assertThat(batch).containsExactly(0f, 0f, 2f, 2f, 0f, 0f);
  }

  @Test
  void resizesAndConvertsChannels() {
    ModelContract.Preprocessing rgb =
        new ModelContract.Preprocessing(
            ResizeMethod.AREA, 1.0, new float[] {0, 10, 20}, new float[] {1, 1, 1});
    Preprocessor preprocessor = new Preprocessor(input(3, 2, 2), rgb);
    PixelPlanes gray = new PixelPlanes(1, 4, 4, filled(16, 100f));

    float[] tensor = preprocessor.toTensor(gray);

    assertThat(tensor).hasSize(12);
    assertThat(tensor[0]).isEqualTo(100f);
    assertThat(tensor[4]).isEqualTo(90f);
    assertThat(tensor[8]).isEqualTo(80f);
  }

  @Test
  void idxBytesBecomeGrayPlanes() {
    byte[] idx = {0, (byte) 129, (byte) 255, 7};

    PixelPlanes planes = PixelPlanes.ofGray(idx, 1, 3, 1);

    assertThat(planes.samples()).containsExactly(129f, 255f, 7f);
  }

  private static ModelContract.Input input(int channels, int width, int height) {
    return new ModelContract.Input("input", "NCHW", channels, height, width);
  }

  private static float[] filled(int length, float value) {
    float[] samples = new float[length];
    java.util.Arrays.fill(samples, value);
    return samples;
  }
}
