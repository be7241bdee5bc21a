package org.imageclassifier.training;

/**
 * Typed settings of one training run, parsed from SageMaker's {@code hyperparameters.json} by
 * {@link HyperparameterParser}.
 *
 * @param epochs passes over the training set, at least 1
 * @param batchSize images per optimiser step, at least 1
 * @param seed seed of every random choice: initialisation, validation split, shuffling,
 *     augmentation and dropout
 * @param optimization optimiser and learning-rate schedule
 * @param architecture the network's shape
 * @param augmentation random changes to training images
 * @param data validation split, input size and limits
 */
public record Hyperparameters(
    int epochs,
    int batchSize,
    int seed,
    Optimization optimization,
    Architecture architecture,
    Augmentation augmentation,
    DataSettings data) {

  /** Creates the settings after checking their ranges. */
  public Hyperparameters {
    requirePositive("epochs", epochs);
    requirePositive("batchSize", batchSize);
  }

  /** Returns the first model's settings with another epoch count, batch size, rate and seed. */
  public static Hyperparameters classic(int epochs, int batchSize, float learningRate, int seed) {
    return new Hyperparameters(
        epochs,
        batchSize,
        seed,
        Optimization.adam(learningRate),
        Architecture.CLASSIC,
        Augmentation.NONE,
        DataSettings.DEFAULT);
  }

  /** Returns a copy with another number of epochs. */
  public Hyperparameters withEpochs(int newEpochs) {
    return new Hyperparameters(
        newEpochs, batchSize, seed, optimization, architecture, augmentation, data);
  }

  private static void requirePositive(String field, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(field + " must be at least 1, was " + value);
    }
  }

  /** Optimiser algorithms the job offers. */
  public enum OptimizerKind {
    /** Adam with L2 weight decay added to the gradient. */
    ADAM,
    /** Stochastic gradient descent with classical (heavy-ball) momentum. */
    SGD
  }

  /** Learning-rate schedules, applied per optimiser step. */
  public enum ScheduleKind {
    /** The base rate throughout. */
    CONSTANT,
    /** Half a cosine from the base rate down to 0 over the run, after the warm-up. */
    COSINE,
    /** The base rate times {@code stepFactor} after every {@code stepEpochs} epochs. */
    STEP
  }

  /**
   * Optimiser and learning-rate schedule.
   *
   * @param optimizer the algorithm
   * @param learningRate base learning rate, positive
   * @param momentum SGD momentum in [0, 1); Adam ignores it
   * @param weightDecay L2 penalty factor on the weights, at least 0
   * @param schedule how the rate changes over the run
   * @param warmupEpochs epochs over which the rate rises linearly from near 0 to the base rate
   * @param stepEpochs epochs between two decays of the step schedule, at least 1
   * @param stepFactor factor of each step decay, in (0, 1]
   */
  public record Optimization(
      OptimizerKind optimizer,
      float learningRate,
      float momentum,
      float weightDecay,
      ScheduleKind schedule,
      int warmupEpochs,
      int stepEpochs,
      float stepFactor) {

    /** Creates the settings after checking their ranges. */
    public Optimization {
      if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
        throw new IllegalArgumentException(
            "learningRate must be a positive number, was " + learningRate);
      }
      if (warmupEpochs < 0 || stepEpochs < 1) {
        throw new IllegalArgumentException(
            "warmupEpochs must be at least 0 and stepEpochs at least 1, were %d and %d"
                .formatted(warmupEpochs, stepEpochs));
      }
    }

    /** Returns Adam at a constant rate, without weight decay. */
    public static Optimization adam(float learningRate) {
      return new Optimization(
          OptimizerKind.ADAM, learningRate, 0.9f, 0f, ScheduleKind.CONSTANT, 0, 10, 0.1f);
    }
  }

  /**
   * Random changes applied to each training image every time it is drawn. Validation and test
   * images are never changed.
   *
   * @param cropPadding pixels of padding on each side before a random crop back to the input size;
   *     0 turns cropping off
   * @param horizontalFlip whether half of the images are mirrored left to right
   */
  public record Augmentation(int cropPadding, boolean horizontalFlip) {

    /** No augmentation. */
    public static final Augmentation NONE = new Augmentation(0, false);

    /** Returns whether any change is switched on. */
    public boolean enabled() {
      return cropPadding > 0 || horizontalFlip;
    }
  }

  /**
   * Data handling.
   *
   * @param validationFraction share of the training channel held out, stratified by class, when no
   *     validation channel is given; in [0, 0.5], and 0 holds out nothing
   * @param imageSize height and width of the model input for image folders, in pixels; IDX data
   *     keeps its own size
   * @param channels model input channels for image folders: 1 (gray) or 3 (RGB)
   * @param trainLimit use at most this many training images, 0 uses all
   * @param testLimit use at most this many test images, 0 uses all
   */
  public record DataSettings(
      double validationFraction, int imageSize, int channels, int trainLimit, int testLimit) {

    /** One tenth held out, 28x28 gray input, no limits. */
    public static final DataSettings DEFAULT = new DataSettings(0.1, 28, 1, 0, 0);
  }
}
