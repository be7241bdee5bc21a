package org.imageclassifier.training;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a convolutional network: blocks of 3x3 convolutions (padding 1), each followed by
 * optional batch normalisation and ReLU, ending in 2x2 max pooling, then a head to the outputs.
 *
 * @param filters output channels of each block, in order; one block per entry
 * @param convsPerBlock convolutions in each block, 1 or 2
 * @param batchNorm whether batch normalisation follows each convolution
 * @param dropout dropout rate before the dense layer, in [0, 1); 0 leaves dropout out
 * @param globalPool whether the head averages each channel (global average pooling) instead of
 *     flattening the last feature map
 */
public record Architecture(
    List<Integer> filters,
    int convsPerBlock,
    boolean batchNorm,
    float dropout,
    boolean globalPool) {

  /** The first model's shape: blocks of 32 and 64 filters, one convolution each, no extras. */
  public static final Architecture CLASSIC = new Architecture(List.of(32, 64), 1, false, 0, false);

  /** Creates an architecture after checking its values. */
  public Architecture {
    filters = List.copyOf(filters);
    if (filters.isEmpty() || filters.stream().anyMatch(f -> f < 1)) {
      throw new IllegalArgumentException(
          "filters must list at least one positive filter count, was " + filters);
    }
    if (convsPerBlock < 1 || convsPerBlock > 2) {
      throw new IllegalArgumentException("convsPerBlock must be 1 or 2, was " + convsPerBlock);
    }
    new LayerSpec.Dropout(dropout);
  }

  /**
   * Builds the layer list for an input size and an output count.
   *
   * @param outputs logits of the last dense layer: 1 for a binary sigmoid model, else the classes
   */
  public List<LayerSpec> layers(int outputs) {
    List<LayerSpec> layers = new ArrayList<>();
    for (int blockFilters : filters) {
      for (int i = 0; i < convsPerBlock; i++) {
        addConv(layers, blockFilters);
      }
      layers.add(new LayerSpec.MaxPool(2));
    }
    layers.add(globalPool ? new LayerSpec.GlobalAvgPool() : new LayerSpec.Flatten());
    if (dropout > 0) {
      layers.add(new LayerSpec.Dropout(dropout));
    }
    layers.add(new LayerSpec.Dense(outputs));
    return layers;
  }

  private void addConv(List<LayerSpec> layers, int blockFilters) {
    layers.add(new LayerSpec.Conv(blockFilters, 3, 1));
    if (batchNorm) {
      layers.add(new LayerSpec.BatchNorm());
    }
    layers.add(new LayerSpec.Relu());
  }
}
