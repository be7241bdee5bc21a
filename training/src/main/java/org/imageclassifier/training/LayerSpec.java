package org.imageclassifier.training;

/**
 * One layer of a {@link NetworkSpec}. The same spec builds the DJL block that is trained and the
 * ONNX graph that is served, so the two cannot drift apart.
 */
public sealed interface LayerSpec {

  /** Returns a short human-readable description, recorded in the model provenance. */
  String describe();

  /**
   * 2-D convolution with square kernels, stride 1 and a bias per filter.
   *
   * @param filters number of output channels
   * @param kernel kernel height and width, in pixels
   * @param padding zero padding on each side, in pixels
   */
  record Conv(int filters, int kernel, int padding) implements LayerSpec {
    @Override
    public String describe() {
      return "conv %dx%d, %d filters, padding %d".formatted(kernel, kernel, filters, padding);
    }
  }

  /** Rectified linear unit, {@code max(0, x)}. */
  record Relu() implements LayerSpec {
    @Override
    public String describe() {
      return "relu";
    }
  }

  /**
   * Max pooling over square windows with a stride equal to the window size and no padding.
   *
   * @param size window height and width, in pixels
   */
  record MaxPool(int size) implements LayerSpec {
    @Override
    public String describe() {
      return "max pool %dx%d, stride %d".formatted(size, size, size);
    }
  }

  /** Flattens NCHW to [N, C*H*W], channel-major, as ONNX Flatten with axis 1 does. */
  record Flatten() implements LayerSpec {
    @Override
    public String describe() {
      return "flatten";
    }
  }

  /**
   * Fully connected layer with bias: {@code y = x W^T + b}, where W has shape [units, inputs].
   *
   * @param units number of outputs
   */
  record Dense(int units) implements LayerSpec {
    @Override
    public String describe() {
      return "dense %d".formatted(units);
    }
  }
}
