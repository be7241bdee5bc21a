package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

  private static final List<String> LABELS = List.of("a", "b", "c");

  /** Logits that put nearly all probability on one class. */
  private static float[] sure(int predicted) {
    float[] logits = new float[3];
    logits[predicted] = 30f;
    return logits;
  }

  @Test
  void countsFillConfusionMatrix() {
    float[][] logits = {sure(0), sure(0), sure(1), sure(2), sure(0)};
    int[] truth = {0, 0, 1, 1, 2};

    ClassificationMetrics metrics = ClassificationMetrics.of("test", LABELS, logits, truth);

    assertThat(metrics.confusionMatrix()[0]).containsExactly(2, 0, 0);
    assertThat(metrics.confusionMatrix()[1]).containsExactly(0, 1, 1);
    assertThat(metrics.confusionMatrix()[2]).containsExactly(1, 0, 0);
    assertThat(metrics.accuracy()).isEqualTo(0.6);
    assertThat(metrics.images()).isEqualTo(5);
  }

  @Test
  void perClassScoresFollowDefinitions() {
    float[][] logits = {sure(0), sure(0), sure(1), sure(2), sure(0)};
    int[] truth = {0, 0, 1, 1, 2};

    ClassificationMetrics metrics = ClassificationMetrics.of("test", LABELS, logits, truth);
    ClassificationMetrics.ClassMetrics a = metrics.classes().get(0);
    ClassificationMetrics.ClassMetrics b = metrics.classes().get(1);
    ClassificationMetrics.ClassMetrics c = metrics.classes().get(2);

    assertThat(a.precision()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(a.recall()).isEqualTo(1.0);
    assertThat(a.f1()).isCloseTo(0.8, within(1e-12));
    assertThat(b.precision()).isEqualTo(1.0);
    assertThat(b.recall()).isEqualTo(0.5);
    assertThat(c.precision()).isEqualTo(0.0);
    assertThat(c.f1()).isEqualTo(0.0);
    assertThat(metrics.macroF1()).isCloseTo((0.8 + 2 / 3.0 + 0) / 3, within(1e-12));
  }

  @Test
  void confidentMistakesGiveLargeCalibrationError() {
    float[][] logits = {sure(0), sure(0), sure(1), sure(2)};
    int[] truth = {0, 1, 2, 0};

    ClassificationMetrics metrics = ClassificationMetrics.of("test", LABELS, logits, truth);

    assertThat(metrics.accuracy()).isEqualTo(0.25);
    assertThat(metrics.expectedCalibrationError()).isCloseTo(0.75, within(1e-6));
    assertThat(metrics.calibration().getLast().images()).isEqualTo(4);
  }

  @Test
  void uniformGuessIsCalibratedAtChance() {
    float[][] logits = {new float[3], new float[3], new float[3]};
    int[] truth = {0, 1, 2};

    ClassificationMetrics metrics = ClassificationMetrics.of("test", LABELS, logits, truth);

    assertThat(metrics.accuracy()).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(metrics.expectedCalibrationError()).isCloseTo(0, within(1e-6));
    assertThat(metrics.loss()).isCloseTo(Math.log(3), within(1e-6));
  }

  @Test
  void singleLogitReadThroughSigmoid() {
    float[][] logits = {{-2f}, {3f}, {1f}, {-1f}};
    int[] truth = {0, 1, 0, 0};

    ClassificationMetrics metrics =
        ClassificationMetrics.of("validation", List.of("no", "yes"), logits, truth);

    assertThat(metrics.confusionMatrix()[0]).containsExactly(2, 1);
    assertThat(metrics.confusionMatrix()[1]).containsExactly(0, 1);
    assertThat(metrics.accuracy()).isEqualTo(0.75);
    double expectedLoss =
        (Math.log1p(Math.exp(-2))
                + Math.log1p(Math.exp(-3))
                + Math.log1p(Math.exp(1))
                + Math.log1p(Math.exp(-1)))
            / 4;
    assertThat(metrics.loss()).isCloseTo(expectedLoss, within(1e-9));
  }
}
