package org.imageclassifier.training;

/**
 * The learning rate of each optimiser step, computed from the step number alone so that a resumed
 * run continues the same curve.
 *
 * @param settings the base rate and the schedule
 * @param stepsPerEpoch optimiser steps in one epoch, at least 1
 * @param epochs epochs in the run
 */
public record LearningRateSchedule(
    Hyperparameters.Optimization settings, int stepsPerEpoch, int epochs) {

  /**
   * Returns the rate of a step.
   *
   * @param step number of steps taken before this one, from 0
   */
  public float rate(long step) {
    long warmupSteps = (long) settings.warmupEpochs() * stepsPerEpoch;
    if (step < warmupSteps) {
      return settings.learningRate() * (step + 1) / warmupSteps;
    }
    return switch (settings.schedule()) {
      case CONSTANT -> settings.learningRate();
      case COSINE -> cosine(step - warmupSteps, (long) epochs * stepsPerEpoch - warmupSteps);
      case STEP -> stepDecay(step / stepsPerEpoch);
    };
  }

  private float cosine(long step, long steps) {
    double progress = steps <= 0 ? 1 : Math.min(1.0, (double) step / steps);
    return (float) (settings.learningRate() * 0.5 * (1 + Math.cos(Math.PI * progress)));
  }

  private float stepDecay(long epoch) {
    long decays = epoch / settings.stepEpochs();
    return (float) (settings.learningRate() * Math.pow(settings.stepFactor(), decays));
  }
}
