package org.imageclassifier.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains a {@link NetworkSpec} with DJL on the PyTorch engine, on the CPU: softmax cross-entropy on
 * the logits, Adam with a fixed learning rate, mini-batches drawn from a seeded shuffle.
 *
 * <p>The same seed, data, hyperparameters and thread count give the same weights: the seed drives
 * PyTorch's generator, which initialises the parameters, and a {@link Random} that shuffles the
 * training set at the start of each epoch.
 */
public final class NetworkTrainer {

  /** Name of the DJL engine used for training. */
  public static final String ENGINE = "PyTorch";

  private NetworkTrainer() {}

  /**
   * Trains a new network.
   *
   * @param spec the architecture
   * @param settings epochs, batch size, learning rate and seed
   * @param train preprocessed training images
   * @param test preprocessed test images, evaluated after each epoch; they never change the weights
   * @param onEpoch called after each epoch with its metrics
   * @return the trained network; the caller closes it
   */
  public static TrainedNetwork train(
      NetworkSpec spec,
      Hyperparameters settings,
      TensorSet train,
      TensorSet test,
      Consumer<EpochMetrics> onEpoch) {
    Engine.getEngine(ENGINE).setRandomSeed(settings.seed());
    Model model = Model.newInstance("network", Device.cpu(), ENGINE);
    model.setBlock(DjlNetworks.build(spec));
    TrainedNetwork network = new TrainedNetwork(spec, model);
    try (Trainer trainer = model.newTrainer(config(settings))) {
      trainer.initialize(batchShape(spec, 1));
      runEpochs(trainer, network, settings, train, test, onEpoch);
      return network;
    } catch (RuntimeException e) {
      network.close();
      throw e;
    }
  }

  private static void runEpochs(
      Trainer trainer,
      TrainedNetwork network,
      Hyperparameters settings,
      TensorSet train,
      TensorSet test,
      Consumer<EpochMetrics> onEpoch) {
    Random shuffler = new Random(settings.seed());
    long start = System.nanoTime();
    for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
      int[] order = shuffle(train.count(), shuffler);
      Evaluation trained = runEpoch(trainer, network.spec(), train, order, settings);
      EpochMetrics metrics = metrics(epoch, trained, network.evaluate(test), start);
      network.recordEpoch(metrics);
      onEpoch.accept(metrics);
    }
  }

  private static DefaultTrainingConfig config(Hyperparameters settings) {
    Optimizer adam =
        Optimizer.adam().optLearningRateTracker(Tracker.fixed(settings.learningRate())).build();
    return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
        .optOptimizer(adam)
        .optDevices(new Device[] {Device.cpu()});
  }

  private static Evaluation runEpoch(
      Trainer trainer, NetworkSpec spec, TensorSet train, int[] order, Hyperparameters settings) {
    double lossSum = 0;
    int correct = 0;
    for (int from = 0; from < order.length; from += settings.batchSize()) {
      int to = Math.min(order.length, from + settings.batchSize());
      Evaluation batch = step(trainer, spec, train, Arrays.copyOfRange(order, from, to));
      lossSum += batch.loss() * (to - from);
      correct += (int) Math.round(batch.accuracy() * (to - from));
    }
    return new Evaluation(lossSum / order.length, (double) correct / order.length);
  }

  /** Runs one optimiser step on the images at {@code indices}; returns the batch's metrics. */
  private static Evaluation step(
      Trainer trainer, NetworkSpec spec, TensorSet train, int[] indices) {
    try (NDManager scope = trainer.getManager().newSubManager()) {
      NDArray images = scope.create(gather(train, indices), batchShape(spec, indices.length));
      NDArray labels = scope.create(labelsOf(train, indices));
      float loss;
      float[] logits;
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDArray output = trainer.forward(new NDList(images)).singletonOrThrow();
        NDArray lossArray = trainer.getLoss().evaluate(new NDList(labels), new NDList(output));
        collector.backward(lossArray);
        loss = lossArray.getFloat();
        logits = output.toFloatArray();
      }
      trainer.step();
      return new Evaluation(loss, accuracy(logits, train, indices, spec.classes()));
    }
  }

  private static double accuracy(float[] logits, TensorSet train, int[] indices, int classes) {
    int correct = 0;
    for (int i = 0; i < indices.length; i++) {
      float[] row = Arrays.copyOfRange(logits, i * classes, (i + 1) * classes);
      correct += Metrics.argmax(row) == train.labels()[indices[i]] ? 1 : 0;
    }
    return (double) correct / indices.length;
  }

  private static float[] gather(TensorSet set, int[] indices) {
    int size = set.imageSize();
    float[] batch = new float[indices.length * size];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(set.data(), indices[i] * size, batch, i * size, size);
    }
    return batch;
  }

  /** Returns the labels as floats, the type DJL's sparse softmax cross-entropy accepts. */
  private static float[] labelsOf(TensorSet set, int[] indices) {
    float[] labels = new float[indices.length];
    for (int i = 0; i < indices.length; i++) {
      labels[i] = set.labels()[indices[i]];
    }
    return labels;
  }

  private static Shape batchShape(NetworkSpec spec, int count) {
    return new Shape(count, spec.channels(), spec.height(), spec.width());
  }

  /** Returns a Fisher-Yates permutation of [0, count). */
  private static int[] shuffle(int count, Random random) {
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

  private static EpochMetrics metrics(
      int epoch, Evaluation trained, Evaluation tested, long start) {
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new EpochMetrics(
        epoch, trained.loss(), trained.accuracy(), tested.loss(), tested.accuracy(), elapsed);
  }
}
