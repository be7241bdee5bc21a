package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

  private static Hyperparameters.Optimization settings(
      Hyperparameters.ScheduleKind schedule, int warmupEpochs) {
    return new Hyperparameters.Optimization(
        Hyperparameters.OptimizerKind.ADAM, 0.1f, 0.9f, 0f, schedule, warmupEpochs, 2, 0.5f);
  }

  @Test
  void constantKeepsBaseRate() {
    LearningRateSchedule schedule =
        new LearningRateSchedule(settings(Hyperparameters.ScheduleKind.CONSTANT, 0), 10, 5);

    assertThat(schedule.rate(0)).isEqualTo(0.1f);
    assertThat(schedule.rate(49)).isEqualTo(0.1f);
  }

  @Test
  void cosineFallsFromBaseToZero() {
    LearningRateSchedule schedule =
        new LearningRateSchedule(settings(Hyperparameters.ScheduleKind.COSINE, 0), 10, 4);

    assertThat(schedule.rate(0)).isCloseTo(0.1f, within(1e-7f));
    assertThat(schedule.rate(20)).isCloseTo(0.05f, within(1e-7f));
    assertThat(schedule.rate(40)).isCloseTo(0f, within(1e-7f));
  }

  @Test
  void warmupRisesLinearlyThenCosineStarts() {
    LearningRateSchedule schedule =
        new LearningRateSchedule(settings(Hyperparameters.ScheduleKind.COSINE, 1), 10, 3);

    assertThat(schedule.rate(0)).isCloseTo(0.01f, within(1e-7f));
    assertThat(schedule.rate(4)).isCloseTo(0.05f, within(1e-7f));
    assertThat(schedule.rate(10)).isCloseTo(0.1f, within(1e-7f));
    assertThat(schedule.rate(20)).isCloseTo(0.05f, within(1e-7f));
  }

  @Test
  void stepHalvesEveryTwoEpochs() {
    LearningRateSchedule schedule =
        new LearningRateSchedule(settings(Hyperparameters.ScheduleKind.STEP, 0), 10, 6);

    assertThat(schedule.rate(19)).isCloseTo(0.1f, within(1e-7f));
    assertThat(schedule.rate(20)).isCloseTo(0.05f, within(1e-7f));
    assertThat(schedule.rate(45)).isCloseTo(0.025f, within(1e-7f));
  }
}
