package org.imageclassifier.training;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;

/**
 * Test-time augmentation by mirroring: the network sees every image twice, as it is and flipped
 * left to right, and the model outputs the mean of the two logit rows. {@link TrainedNetwork}
 * computes the same in DJL, so the parity check compares like with like.
 *
 * <p>The ONNX graph does it in one batch: Slice with step -1 on the width axis mirrors the input,
 * Concat stacks [input; mirrored] into 2N images, the layers run once, Reshape splits the 2N rows
 * into [2, N, outputs] and ReduceMean over the first axis averages them. Batch normalisation runs
 * in inference mode, so each image is processed alone and the stacking changes no result.
 */
final class MirrorAverage {

  /** Tensor that holds the input followed by its mirror image, [2N, C, H, W]. */
  static final String PAIR_INPUT = "mirror.pair";

  /** Tensor the layers write for the 2N images, [2N, outputs]. */
  static final String PAIR_LOGITS = "mirror.logits";

  private MirrorAverage() {}

  /** Adds the nodes that turn {@code input} into {@link #PAIR_INPUT}. */
  static void addInputPair(GraphProto.Builder graph, String input) {
    graph.addInitializer(OnnxProtos.longTensor("mirror.starts", -1));
    graph.addInitializer(OnnxProtos.longTensor("mirror.ends", Long.MIN_VALUE));
    graph.addInitializer(OnnxProtos.longTensor("mirror.axes", 3));
    graph.addInitializer(OnnxProtos.longTensor("mirror.steps", -1));
    graph.addNode(
        NodeProto.newBuilder()
            .setName("mirror.slice")
            .setOpType("Slice")
            .addInput(input)
            .addInput("mirror.starts")
            .addInput("mirror.ends")
            .addInput("mirror.axes")
            .addInput("mirror.steps")
            .addOutput("mirror.flipped"));
    graph.addNode(
        NodeProto.newBuilder()
            .setName("mirror.concat")
            .setOpType("Concat")
            .addInput(input)
            .addInput("mirror.flipped")
            .addOutput(PAIR_INPUT)
            .addAttribute(OnnxProtos.integer("axis", 0)));
  }

  /** Adds the nodes that average {@link #PAIR_LOGITS} into {@code output}, [N, outputs]. */
  static void addMean(GraphProto.Builder graph, int outputs, String output) {
    graph.addInitializer(OnnxProtos.longTensor("mirror.shape", 2, -1, outputs));
    graph.addNode(
        NodeProto.newBuilder()
            .setName("mirror.reshape")
            .setOpType("Reshape")
            .addInput(PAIR_LOGITS)
            .addInput("mirror.shape")
            .addOutput("mirror.rows"));
    graph.addNode(
        NodeProto.newBuilder()
            .setName("mirror.mean")
            .setOpType("ReduceMean")
            .addInput("mirror.rows")
            .addOutput(output)
            .addAttribute(OnnxProtos.ints("axes", 0))
            .addAttribute(OnnxProtos.integer("keepdims", 0)));
  }

  /** Returns the images mirrored left to right, NCHW with the spec's size. */
  static TensorSet mirror(TensorSet images, NetworkSpec spec) {
    float[] source = images.data();
    float[] flipped = new float[source.length];
    int width = spec.width();
    for (int row = 0; row < source.length / width; row++) {
      int start = row * width;
      for (int x = 0; x < width; x++) {
        flipped[start + x] = source[start + width - 1 - x];
      }
    }
    return new TensorSet(flipped, images.labels(), images.imageSize());
  }
}
