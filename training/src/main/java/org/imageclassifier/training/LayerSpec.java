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

  /**
   * Batch normalisation over the channel axis of NCHW input. Training normalises by the batch
   * statistics and updates running estimates; inference normalises by the running estimates: {@code
   * y = gamma * (x - runningMean) / sqrt(runningVar + epsilon) + beta}.
   *
   * @param epsilon added to the variance before the square root
   * @param momentum weight of the old running estimate in each update, in (0, 1)
   */
  record BatchNorm(float epsilon, float momentum) implements LayerSpec {

    /** Creates batch normalisation with DJL's defaults: epsilon 1e-5 and momentum 0.9. */
    public BatchNorm() {
      this(1e-5f, 0.9f);
    }

    @Override
    public String describe() {
      return "batch norm";
    }
  }

  /**
   * Dropout: during training each value is zeroed with probability {@code rate} and the others are
   * scaled by {@code 1 / (1 - rate)}; at inference the layer is the identity.
   *
   * @param rate probability of zeroing a value, in [0, 1)
   */
  record Dropout(float rate) implements LayerSpec {

    /** Creates the layer after checking the rate. */
    public Dropout {
      if (!(rate >= 0 && rate < 1)) {
        throw new IllegalArgumentException("dropout rate must be in [0, 1), was " + rate);
      }
    }

    @Override
    public String describe() {
      return "dropout %s".formatted(rate);
    }
  }

  /** Averages each channel over height and width: NCHW becomes [N, C]. */
  record GlobalAvgPool() implements LayerSpec {
    @Override
    public String describe() {
      return "global average pool";
    }
  }
}
