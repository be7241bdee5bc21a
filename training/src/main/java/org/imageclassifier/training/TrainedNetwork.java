package org.imageclassifier.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A trained DJL network and the metrics of its training. Owns native memory: close it when done.
 */
public final class TrainedNetwork implements AutoCloseable {

  private static final int INFERENCE_BATCH = 500;

  private final NetworkSpec spec;
  private final Model model;
  private final List<EpochMetrics> history = new ArrayList<>();
  private boolean mirrorAverage;

  TrainedNetwork(NetworkSpec spec, Model model) {
    this.spec = spec;
    this.model = model;
  }

  /** Returns the spec the network was built from. */
  public NetworkSpec spec() {
    return spec;
  }

  /** Returns the trained block, one child per layer of the spec. */
  public Block block() {
    return model.getBlock();
  }

  /** Returns the metrics of each epoch, in order. */
  public List<EpochMetrics> history() {
    return List.copyOf(history);
  }

  void recordEpoch(EpochMetrics metrics) {
    history.add(metrics);
  }

  void recordHistory(List<EpochMetrics> earlier) {
    history.addAll(earlier);
  }

  /** Returns the number of trained scalar parameters (weights and biases). */
  public long parameterCount() {
    long count = 0;
    for (Pair<String, Parameter> parameter : block().getParameters()) {
      count += parameter.getValue().getArray().size();
    }
    return count;
  }

  /**
   * Sets whether {@link #logits} averages each image's logits with those of its mirror image, as an
   * export with {@link MirrorAverage} does. Off by default.
   */
  public void averageWithMirror(boolean enabled) {
    mirrorAverage = enabled;
  }

  /** Returns whether the logits average each image with its mirror image. */
  public boolean averagesWithMirror() {
    return mirrorAverage;
  }

  /**
   * Runs the network in inference mode and returns the logits, averaged with those of the mirror
   * images when {@link #averageWithMirror} is on.
   *
   * @param images preprocessed images, NCHW, with the spec's input size
   * @return one row of {@code spec().outputs()} logits per image
   */
  public float[][] logits(TensorSet images) {
    float[][] rows = plainLogits(images);
    if (mirrorAverage) {
      float[][] mirrored = plainLogits(MirrorAverage.mirror(images, spec));
      for (int i = 0; i < rows.length; i++) {
        for (int j = 0; j < rows[i].length; j++) {
          rows[i][j] = (rows[i][j] + mirrored[i][j]) / 2;
        }
      }
    }
    return rows;
  }

  private float[][] plainLogits(TensorSet images) {
    float[][] rows = new float[images.count()][];
    for (int from = 0; from < images.count(); from += INFERENCE_BATCH) {
      int count = Math.min(INFERENCE_BATCH, images.count() - from);
      float[] flat = forward(images, from, count);
      int classes = spec.outputs();
      for (int i = 0; i < count; i++) {
        rows[from + i] = Arrays.copyOfRange(flat, i * classes, (i + 1) * classes);
      }
    }
    return rows;
  }

  /** Computes the mean cross-entropy and the accuracy on a set of images. */
  public Evaluation evaluate(TensorSet images) {
    return Metrics.evaluate(logits(images), images.labels());
  }

  private float[] forward(TensorSet images, int from, int count) {
    int size = images.imageSize();
    try (NDManager scope = model.getNDManager().newSubManager()) {
      float[] batch = Arrays.copyOfRange(images.data(), from * size, (from + count) * size);
      Shape shape = new Shape(count, spec.channels(), spec.height(), spec.width());
      NDArray input = scope.create(batch, shape);
      ParameterStore parameters = new ParameterStore(scope, false);
      NDList output = block().forward(parameters, new NDList(input), false);
      return output.singletonOrThrow().toFloatArray();
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
