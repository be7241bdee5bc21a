package org.imageclassifier.training;

/**
 * Settings of one training run.
 *
 * @param epochs passes over the training set, at least 1
 * @param batchSize images per optimiser step, at least 1
 * @param learningRate Adam learning rate, positive
 * @param seed seed of the PyTorch generator (parameter initialisation) and of the shuffling
 */
public record Hyperparameters(int epochs, int batchSize, float learningRate, int seed) {

  /** Creates the settings after checking their ranges. */
  public Hyperparameters {
    requirePositive("epochs", epochs);
    requirePositive("batchSize", batchSize);
    if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
      throw new IllegalArgumentException(
          "learningRate must be a positive number, was " + learningRate);
    }
  }

  private static void requirePositive(String field, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(field + " must be at least 1, was " + value);
    }
  }
}
