package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmenterTest {

  private static final NetworkSpec SPEC =
      new NetworkSpec(1, 3, 3, List.of(new LayerSpec.Flatten(), new LayerSpec.Dense(2)));
  private static final float FILL = -9f;

  private static float[] image() {
    return new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9};
  }

  @Test
  void noAugmentationLeavesImage() {
    Augmenter augmenter =
        new Augmenter(Hyperparameters.Augmentation.NONE, SPEC, new float[] {FILL});
    float[] batch = image();

    augmenter.apply(batch, 1, new Random(1));

    assertThat(batch).containsExactly(image());
  }

  @Test
  void flipOnlyMirrorsRowsOrKeepsImage() {
    Augmenter augmenter =
        new Augmenter(new Hyperparameters.Augmentation(0, true), SPEC, new float[] {FILL});
    float[] mirrored = {3, 2, 1, 6, 5, 4, 9, 8, 7};
    Random random = new Random(3);
    int flips = 0;

    for (int draw = 0; draw < 40; draw++) {
      float[] batch = image();
      augmenter.apply(batch, 1, random);
      boolean flipped = java.util.Arrays.equals(batch, mirrored);
      assertThat(flipped || java.util.Arrays.equals(batch, image())).isTrue();
      flips += flipped ? 1 : 0;
    }

    assertThat(flips).isBetween(10, 30);
  }

  @Test
  void cropShiftsContentAndFillsBorder() {
    Augmenter augmenter =
        new Augmenter(new Hyperparameters.Augmentation(1, false), SPEC, new float[] {FILL});
    Random random = new Random(3);
    boolean sawShift = false;

    for (int draw = 0; draw < 40; draw++) {
      float[] batch = image();
      augmenter.apply(batch, 1, random);
      assertThat(batch[4]).isIn(1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f);
      int filled = 0;
      for (float value : batch) {
        filled += value == FILL ? 1 : 0;
      }
      assertThat(filled).isIn(0, 3, 5);
      sawShift |= filled > 0;
    }

    assertThat(sawShift).isTrue();
  }

  @Test
  void sameSeedGivesSameImages() {
    Augmenter augmenter =
        new Augmenter(new Hyperparameters.Augmentation(1, true), SPEC, new float[] {FILL});
    float[] first = concat(image(), image());
    float[] second = concat(image(), image());

    augmenter.apply(first, 2, new Random(5));
    augmenter.apply(second, 2, new Random(5));

    assertThat(second).containsExactly(first);
  }

  private static float[] concat(float[] left, float[] right) {
    float[] both = java.util.Arrays.copyOf(left, left.length + right.length);
    System.arraycopy(right, 0, both, left.length, right.length);
    return both;
  }
}
