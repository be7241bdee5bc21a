package org.imageclassifier.training;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;

/** Builds DJL blocks from a {@link NetworkSpec}, one child block per layer, in order. */
public final class DjlNetworks {

  private DjlNetworks() {}

  /** Builds an uninitialised sequential block whose children match {@code spec.layers()}. */
  public static SequentialBlock build(NetworkSpec spec) {
    SequentialBlock network = new SequentialBlock();
    for (LayerSpec layer : spec.layers()) {
      network.add(toBlock(layer));
    }
    return network;
  }

  private static Block toBlock(LayerSpec layer) {
    return switch (layer) {
      case LayerSpec.Conv conv ->
          Conv2d.builder()
              .setKernelShape(new Shape(conv.kernel(), conv.kernel()))
              .optPadding(new Shape(conv.padding(), conv.padding()))
              .setFilters(conv.filters())
              .build();
      case LayerSpec.Relu relu -> Activation.reluBlock();
      case LayerSpec.MaxPool pool ->
          Pool.maxPool2dBlock(
              new Shape(pool.size(), pool.size()), new Shape(pool.size(), pool.size()));
      case LayerSpec.Flatten flatten -> Blocks.batchFlattenBlock();
      case LayerSpec.Dense dense -> Linear.builder().setUnits(dense.units()).build();
      case LayerSpec.BatchNorm norm ->
          BatchNorm.builder().optEpsilon(norm.epsilon()).optMomentum(norm.momentum()).build();
      case LayerSpec.Dropout dropout -> Dropout.builder().optRate(dropout.rate()).build();
      case LayerSpec.GlobalAvgPool pool -> Pool.globalAvgPool2dBlock();
    };
  }
}
