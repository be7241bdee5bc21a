package org.imageclassifier.training;

import java.util.List;
import org.imageclassifier.core.model.ModelContract;

/**
 * A feed-forward network as a list of layers applied in order to an NCHW float input. The last
 * layer is a {@link LayerSpec.Dense} whose outputs are the class logits.
 *
 * @param channels input channels
 * @param height input height, in pixels
 * @param width input width, in pixels
 * @param layers the layers in order
 */
public record NetworkSpec(int channels, int height, int width, List<LayerSpec> layers) {

  /** Creates a spec after checking that the last layer is dense. */
  public NetworkSpec {
    layers = List.copyOf(layers);
    if (layers.isEmpty() || !(layers.getLast() instanceof LayerSpec.Dense)) {
      throw new IllegalArgumentException(
          "layers must end with a dense layer that outputs the logits, was " + layers);
    }
  }

  /**
   * Returns the classic small CNN for 28x28 gray images: two blocks of 3x3 convolution (32 then 64
   * filters, padding 1), ReLU and 2x2 max pooling, then flatten and a dense layer to 10 logits.
   */
  public static NetworkSpec fashionMnistCnn() {
    return of(1, 28, 28, 10, Architecture.CLASSIC);
  }

  /**
   * Builds a network for an input size and a number of classes. Two classes get one output, the
   * logit of the second class for a sigmoid; more classes get one logit per class for a softmax.
   *
   * @param classes number of classes, at least 2
   */
  public static NetworkSpec of(
      int channels, int height, int width, int classes, Architecture architecture) {
    if (classes < 2) {
      throw new IllegalArgumentException("classes must be at least 2, was " + classes);
    }
    int outputs = classes == 2 ? 1 : classes;
    return new NetworkSpec(channels, height, width, architecture.layers(outputs));
  }

  /** Returns whether the network has a single sigmoid output for two classes. */
  public boolean binary() {
    return outputs() == 1;
  }

  /** Returns the number of classes: 2 for a single sigmoid output, else the output count. */
  public int classes() {
    return binary() ? 2 : outputs();
  }

  /** Returns the number of logits the network outputs. */
  public int outputs() {
    return ((LayerSpec.Dense) layers.getLast()).units();
  }

  /** Returns the model input tensor for a contract, named {@code tensorName}. */
  public ModelContract.Input input(String tensorName) {
    return new ModelContract.Input(tensorName, "NCHW", channels, height, width);
  }

  /** Returns one description per layer, in order. */
  public List<String> describe() {
    return layers.stream().map(LayerSpec::describe).toList();
  }
}
