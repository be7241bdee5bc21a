package org.imageclassifier.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;

/**
 * Trains a {@link NetworkSpec} with DJL on the PyTorch engine, on the CPU. Softmax cross-entropy
 * trains a multi-class network and sigmoid binary cross-entropy on the single logit a binary one.
 *
 * <p>Every random choice derives from the seed: PyTorch's generator initialises the parameters;
 * each epoch's shuffle and each batch's augmentation and dropout draw from generators seeded by
 * (seed, epoch, batch). So the same seed, data, settings and thread count give the same weights,
 * and a run resumed from a checkpoint draws the same batches as an uninterrupted one.
 */
public final class NetworkTrainer {

  /** Name of the DJL engine used for training. */
  public static final String ENGINE = "PyTorch";

  private static final long MIX = 0x9E3779B97F4A7C15L;

  /**
   * The data and settings of one training run.
   *
   * @param spec the architecture
   * @param settings the hyperparameters
   * @param train preprocessed training images
   * @param validation preprocessed validation images, evaluated after each epoch, or null
   * @param fill value of a black pixel after normalisation, per channel, for augmentation
   * @param initialWeights parameters to start from instead of a random initialisation, in the
   *     format of {@link CheckpointStore#PARAMETERS_FILE}, or null; a checkpoint wins over them
   */
  public record Inputs(
      NetworkSpec spec,
      Hyperparameters settings,
      TensorSet train,
      TensorSet validation,
      float[] fill,
      Path initialWeights) {}

  /** Receives progress while training runs. */
  public interface Listener {

    /** Called after each optimiser step; {@code batch} counts from 1 to {@code batches}. */
    default void onBatch(int epoch, int batch, int batches) {}

    /**
     * Called after each epoch.
     *
     * @param remainingSeconds estimated seconds until the last epoch ends
     */
    default void onEpoch(EpochMetrics metrics, double remainingSeconds) {}
  }

  private final Inputs inputs;
  private final CheckpointStore checkpoints;
  private final String fingerprint;
  private final StopSignal stop;
  private final Listener listener;
  private final Augmenter augmenter;
  private final int batches;
  private final LearningRateSchedule schedule;
  private float rate;

  /**
   * Creates a trainer.
   *
   * @param checkpoints where to save a checkpoint after each epoch and on a stop request, and to
   *     resume from; null saves none
   * @param fingerprint identifies the run in its checkpoints
   * @param stop checked after every step
   */
  public NetworkTrainer(
      Inputs inputs,
      CheckpointStore checkpoints,
      String fingerprint,
      StopSignal stop,
      Listener listener) {
    this.inputs = inputs;
    this.checkpoints = checkpoints;
    this.fingerprint = fingerprint;
    this.stop = stop;
    this.listener = listener;
    this.augmenter = new Augmenter(inputs.settings().augmentation(), inputs.spec(), inputs.fill());
    int batchSize = inputs.settings().batchSize();
    this.batches = (inputs.train().count() + batchSize - 1) / batchSize;
    Hyperparameters.Optimization optimization = inputs.settings().optimization();
    this.schedule = new LearningRateSchedule(optimization, batches, inputs.settings().epochs());
  }

  /** Trains without checkpoints and without a way to stop early. */
  public static TrainedNetwork train(Inputs inputs, Listener listener) {
    try {
      return new NetworkTrainer(inputs, null, "", new StopSignal(), listener).train();
    } catch (IOException | TrainingStoppedException e) {
      throw new IllegalStateException("training without checkpoints cannot save or stop", e);
    }
  }

  /**
   * Trains a new network, or resumes the checkpoint when one exists.
   *
   * @return the trained network; the caller closes it
   * @throws TrainingStoppedException when a stop was requested; a checkpoint was saved then
   * @throws CheckpointMismatchException when the checkpoint belongs to another run
   */
  public TrainedNetwork train() throws IOException, TrainingStoppedException {
    Engine.getEngine(ENGINE).setRandomSeed(inputs.settings().seed());
    Model model = Model.newInstance("network", Device.cpu(), ENGINE);
    model.setBlock(DjlNetworks.build(inputs.spec()));
    TrainedNetwork network = new TrainedNetwork(inputs.spec(), model);
    try (Trainer trainer = model.newTrainer(config())) {
      model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, batchShape(1));
      TrainingState state = resume(model);
      trainer.initialize(batchShape(1));
      network.recordHistory(state.history());
      while (state.completedEpochs() < inputs.settings().epochs()) {
        state = runEpoch(trainer, network, state);
      }
      return network;
    } catch (IOException | TrainingStoppedException | RuntimeException e) {
      network.close();
      throw e;
    }
  }

  /**
   * Loads the checkpoint, or else the initial weights, into the initialised block. It must run
   * before {@link Trainer#initialize}, which skips parameters that already have values but caches
   * the arrays it finds: parameters loaded after it would be evaluated but never trained.
   */
  private TrainingState resume(Model model) throws IOException {
    if (checkpoints != null) {
      Optional<TrainingState> saved =
          checkpoints.load(model.getBlock(), model.getNDManager(), fingerprint);
      if (saved.isPresent()) {
        return saved.get();
      }
    }
    if (inputs.initialWeights() != null) {
      CheckpointStore.loadParameters(inputs.initialWeights(), model);
    }
    return TrainingState.start(fingerprint);
  }

  private DefaultTrainingConfig config() {
    Loss loss =
        inputs.spec().binary()
            ? Loss.sigmoidBinaryCrossEntropyLoss()
            : Loss.softmaxCrossEntropyLoss();
    return new DefaultTrainingConfig(loss)
        .optOptimizer(optimizer(inputs.settings().optimization()))
        .optDevices(new Device[] {Device.cpu()});
  }

  private Optimizer optimizer(Hyperparameters.Optimization settings) {
    Tracker tracker = update -> rate;
    return switch (settings.optimizer()) {
      case ADAM ->
          Optimizer.adam()
              .optLearningRateTracker(tracker)
              .optWeightDecays(settings.weightDecay())
              .build();
      case SGD ->
          Optimizer.sgd()
              .setLearningRateTracker(tracker)
              .optMomentum(settings.momentum())
              .optWeightDecays(settings.weightDecay())
              .build();
    };
  }

  private TrainingState runEpoch(Trainer trainer, TrainedNetwork network, TrainingState state)
      throws IOException, TrainingStoppedException {
    int epoch = state.completedEpochs() + 1;
    int[] order = shuffle(inputs.train().count(), random(epoch, -1));
    EpochTotals totals = new EpochTotals(state.lossSum(), state.correct(), state.seen());
    long started = System.nanoTime();
    for (int batch = state.nextBatch(); batch < batches; batch++) {
      totals.add(step(trainer, order, epoch, batch));
      listener.onBatch(epoch, batch + 1, batches);
      if (stop.requested() && batch + 1 < batches) {
        double elapsed = state.elapsedSeconds() + secondsSince(started);
        saveCheckpoint(network, totals.state(fingerprint, epoch - 1, batch + 1, state, elapsed));
        throw new TrainingStoppedException(epoch, batch + 1);
      }
    }
    return finishEpoch(
        network, state, totals, epoch, state.elapsedSeconds() + secondsSince(started));
  }

  private TrainingState finishEpoch(
      TrainedNetwork network, TrainingState state, EpochTotals totals, int epoch, double elapsed)
      throws IOException, TrainingStoppedException {
    Evaluation validation =
        inputs.validation() == null ? null : network.evaluate(inputs.validation());
    EpochMetrics metrics = totals.metrics(epoch, validation, rate, elapsed);
    network.recordEpoch(metrics);
    TrainingState next =
        new TrainingState(fingerprint, epoch, 0, 0, 0, 0, network.history(), elapsed);
    saveCheckpoint(network, next);
    double perEpoch = elapsed / epoch;
    listener.onEpoch(metrics, perEpoch * (inputs.settings().epochs() - epoch));
    if (stop.requested() && epoch < inputs.settings().epochs()) {
      throw new TrainingStoppedException(epoch + 1, 0);
    }
    return next;
  }

  private void saveCheckpoint(TrainedNetwork network, TrainingState state) throws IOException {
    if (checkpoints != null) {
      checkpoints.save(state, network.block());
    }
  }

  /** Runs one optimiser step on one batch of the epoch's order; returns the batch's metrics. */
  private BatchResult step(Trainer trainer, int[] order, int epoch, int batch) {
    int from = batch * inputs.settings().batchSize();
    int to = Math.min(order.length, from + inputs.settings().batchSize());
    int count = to - from;
    Random random = random(epoch, batch);
    Engine.getEngine(ENGINE).setRandomSeed(random.nextInt());
    rate = schedule.rate((long) (epoch - 1) * batches + batch);
    float[] images = TensorSet.gather(inputs.train(), order, from, to);
    augmenter.apply(images, count, random);
    int[] labels = TensorSet.gatherLabels(inputs.train(), order, from, to);
    try (NDManager scope = trainer.getManager().newSubManager()) {
      NDArray imageArray = scope.create(images, batchShape(count));
      NDArray labelArray = scope.create(labelValues(labels), labelShape(count));
      float loss;
      float[] logits;
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDArray output = trainer.forward(new NDList(imageArray)).singletonOrThrow();
        NDArray lossArray = trainer.getLoss().evaluate(new NDList(labelArray), new NDList(output));
        collector.backward(lossArray);
        loss = lossArray.getFloat();
        logits = output.toFloatArray();
      }
      trainer.step();
      return new BatchResult(count, loss, Metrics.correct(logits, labels, inputs.spec().outputs()));
    }
  }

  private Shape labelShape(int count) {
    return inputs.spec().binary() ? new Shape(count, 1) : new Shape(count);
  }

  /** Returns the labels as floats, the type both DJL losses accept. */
  private static float[] labelValues(int[] labels) {
    float[] values = new float[labels.length];
    for (int i = 0; i < labels.length; i++) {
      values[i] = labels[i];
    }
    return values;
  }

  private Shape batchShape(int count) {
    NetworkSpec spec = inputs.spec();
    return new Shape(count, spec.channels(), spec.height(), spec.width());
  }

  private Random random(int epoch, int batch) {
    long mixed = (inputs.settings().seed() * MIX + epoch) * MIX + batch;
    return new Random(mixed);
  }

  private static double secondsSince(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  /** Returns a Fisher-Yates permutation of [0, count). */
  static int[] shuffle(int count, Random random) {
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    for (int i = count - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /** Loss and correct predictions of one batch. */
  private record BatchResult(int count, float loss, int correct) {}

  /** Running sums over the batches of one epoch. */
  private static final class EpochTotals {
    private double lossSum;
    private int correct;
    private int seen;

    EpochTotals(double lossSum, int correct, int seen) {
      this.lossSum = lossSum;
      this.correct = correct;
      this.seen = seen;
    }

    void add(BatchResult batch) {
      lossSum += (double) batch.loss() * batch.count();
      correct += batch.correct();
      seen += batch.count();
    }

    TrainingState state(
        String fingerprint, int completed, int nextBatch, TrainingState previous, double elapsed) {
      return new TrainingState(
          fingerprint, completed, nextBatch, lossSum, correct, seen, previous.history(), elapsed);
    }

    EpochMetrics metrics(int epoch, Evaluation validation, float rate, double elapsed) {
      return new EpochMetrics(
          epoch,
          lossSum / seen,
          (double) correct / seen,
          validation == null ? null : validation.loss(),
          validation == null ? null : validation.accuracy(),
          rate,
          elapsed);
    }
  }
}
