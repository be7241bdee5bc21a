package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

  /** 60 images of class 0, 30 of class 1 and 10 of class 2, interleaved. */
  private static int[] labels() {
    int[] labels = new int[100];
    for (int i = 0; i < labels.length; i++) {
      int digit = i % 10;
      if (digit >= 9) {
        labels[i] = 2;
      } else if (digit >= 6) {
        labels[i] = 1;
      }
    }
    return labels;
  }

  @Test
  void holdsOutSameShareOfEachClass() {
    int[] labels = labels();

    StratifiedSplit split = StratifiedSplit.of(labels, 3, 0.2, 42);

    assertThat(countOf(split.heldOut(), labels, 0)).isEqualTo(12);
    assertThat(countOf(split.heldOut(), labels, 1)).isEqualTo(6);
    assertThat(countOf(split.heldOut(), labels, 2)).isEqualTo(2);
    assertThat(split.train()).hasSize(80);
  }

  @Test
  void partsAreDisjointAndCoverAll() {
    StratifiedSplit split = StratifiedSplit.of(labels(), 3, 0.2, 42);

    int[] all =
        IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.heldOut()))
            .sorted()
            .toArray();

    assertThat(all).containsExactly(IntStream.range(0, 100).toArray());
  }

  @Test
  void seedFixesSplit() {
    StratifiedSplit first = StratifiedSplit.of(labels(), 3, 0.2, 42);
    StratifiedSplit second = StratifiedSplit.of(labels(), 3, 0.2, 42);
    StratifiedSplit other = StratifiedSplit.of(labels(), 3, 0.2, 43);

    assertThat(second.heldOut()).containsExactly(first.heldOut());
    assertThat(other.heldOut()).isNotEqualTo(first.heldOut());
  }

  private static long countOf(int[] indices, int[] labels, int label) {
    return Arrays.stream(indices).filter(i -> labels[i] == label).count();
  }
}
