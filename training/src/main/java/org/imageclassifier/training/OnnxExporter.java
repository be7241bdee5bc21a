package org.imageclassifier.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import java.util.List;
import java.util.Locale;

/**
 * Writes a trained network as an ONNX model, layer by layer from its {@link NetworkSpec}, with the
 * trained parameters as initializers. The graph takes {@value #INPUT_NAME}, float [batch, C, H, W]
 * with a symbolic batch dimension, and returns {@value #OUTPUT_NAME}, float [batch, classes],
 * before any softmax.
 */
public final class OnnxExporter {

  /** Name of the graph input. */
  public static final String INPUT_NAME = "input";

  /** Name of the graph output. */
  public static final String OUTPUT_NAME = "logits";

  /** Opset of the default ONNX domain the graph uses. */
  public static final int OPSET = 13;

  /** ONNX IR version written to the model; version 8 goes with opset 13 to 17. */
  public static final int IR_VERSION = 8;

  private static final String PRODUCER = "imageclassifier-training";

  private OnnxExporter() {}

  /**
   * Exports a network.
   *
   * @param spec the spec the network was built from
   * @param network the trained block built by {@link DjlNetworks#build}, one child per layer
   * @param graphName name stored in the graph, normally the model name
   * @throws IllegalArgumentException when the block has another number of children than the spec
   *     has layers
   */
  public static ModelProto export(NetworkSpec spec, Block network, String graphName) {
    return export(spec, network, graphName, false);
  }

  /**
   * Exports a network, optionally averaging each image's logits with those of its mirror image.
   *
   * @param mirrorAverage whether the graph runs every image twice, as it is and flipped left to
   *     right, in one batch of 2N, and outputs the mean of the two logit rows; see {@link
   *     MirrorAverage}
   * @throws IllegalArgumentException when the block has another number of children than the spec
   *     has layers
   */
  public static ModelProto export(
      NetworkSpec spec, Block network, String graphName, boolean mirrorAverage) {
    List<Block> children = network.getChildren().values();
    if (children.size() != spec.layers().size()) {
      throw new IllegalArgumentException(
          "network has %d child blocks but the spec has %d layers; build the network with DjlNetworks.build(spec)"
              .formatted(children.size(), spec.layers().size()));
    }
    GraphProto.Builder graph = GraphProto.newBuilder().setName(graphName);
    graph.addInput(
        OnnxProtos.floatValue(INPUT_NAME, -1, spec.channels(), spec.height(), spec.width()));
    if (mirrorAverage) {
      MirrorAverage.addInputPair(graph, INPUT_NAME);
      addLayers(
          graph, spec.layers(), children, MirrorAverage.PAIR_INPUT, MirrorAverage.PAIR_LOGITS);
      MirrorAverage.addMean(graph, spec.outputs(), OUTPUT_NAME);
    } else {
      addLayers(graph, spec.layers(), children, INPUT_NAME, OUTPUT_NAME);
    }
    graph.addOutput(OnnxProtos.floatValue(OUTPUT_NAME, -1, spec.outputs()));
    return ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .setProducerName(PRODUCER)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setGraph(graph)
        .build();
  }

  /** Chains the layers from tensor {@code input}, so that the last one writes {@code output}. */
  private static void addLayers(
      GraphProto.Builder graph,
      List<LayerSpec> layers,
      List<Block> children,
      String input,
      String output) {
    String current = input;
    for (int i = 0; i < layers.size(); i++) {
      String next = i == layers.size() - 1 ? output : "layer" + i;
      addLayer(graph, layers.get(i), children.get(i), new Wiring(i, current, next));
      current = next;
    }
  }

  /** Position of one layer in the graph: its index and its input and output tensor names. */
  private record Wiring(int index, String input, String output) {

    String parameter(String kind) {
      return "layer" + index + "." + kind;
    }
  }

  private static void addLayer(
      GraphProto.Builder graph, LayerSpec layer, Block block, Wiring wiring) {
    switch (layer) {
      case LayerSpec.Conv conv -> addConv(graph, conv, block, wiring);
      case LayerSpec.Relu relu -> graph.addNode(node("Relu", wiring));
      case LayerSpec.MaxPool pool -> graph.addNode(maxPool(pool, wiring));
      case LayerSpec.Flatten flatten ->
          graph.addNode(node("Flatten", wiring).addAttribute(OnnxProtos.integer("axis", 1)));
      case LayerSpec.Dense dense -> addDense(graph, block, wiring);
      case LayerSpec.BatchNorm norm -> addBatchNorm(graph, norm, block, wiring);
      case LayerSpec.Dropout dropout -> graph.addNode(node("Identity", wiring));
      case LayerSpec.GlobalAvgPool pool -> addGlobalAvgPool(graph, wiring);
    }
  }

  private static void addConv(
      GraphProto.Builder graph, LayerSpec.Conv conv, Block block, Wiring wiring) {
    addParameters(graph, block, wiring);
    int pad = conv.padding();
    graph.addNode(
        node("Conv", wiring)
            .addInput(wiring.parameter("weight"))
            .addInput(wiring.parameter("bias"))
            .addAttribute(OnnxProtos.ints("kernel_shape", conv.kernel(), conv.kernel()))
            .addAttribute(OnnxProtos.ints("pads", pad, pad, pad, pad))
            .addAttribute(OnnxProtos.ints("strides", 1, 1)));
  }

  private static NodeProto.Builder maxPool(LayerSpec.MaxPool pool, Wiring wiring) {
    AttributeProto window = OnnxProtos.ints("kernel_shape", pool.size(), pool.size());
    AttributeProto strides = OnnxProtos.ints("strides", pool.size(), pool.size());
    return node("MaxPool", wiring).addAttribute(window).addAttribute(strides);
  }

  /** Adds Gemm with transB=1 because a DJL Linear weight has shape [units, inputs]. */
  private static void addDense(GraphProto.Builder graph, Block block, Wiring wiring) {
    addParameters(graph, block, wiring);
    graph.addNode(
        node("Gemm", wiring)
            .addInput(wiring.parameter("weight"))
            .addInput(wiring.parameter("bias"))
            .addAttribute(OnnxProtos.integer("transB", 1)));
  }

  /**
   * Adds BatchNormalization in inference form: it normalises by the running mean and variance the
   * training accumulated, as DJL does when it runs the block with training off.
   */
  private static void addBatchNorm(
      GraphProto.Builder graph, LayerSpec.BatchNorm norm, Block block, Wiring wiring) {
    List<String> kinds = List.of("gamma", "beta", "runningMean", "runningVar");
    addParameters(graph, block, wiring, kinds);
    NodeProto.Builder node = node("BatchNormalization", wiring);
    kinds.forEach(kind -> node.addInput(wiring.parameter(kind)));
    graph.addNode(node.addAttribute(OnnxProtos.real("epsilon", norm.epsilon())));
  }

  /** Adds GlobalAveragePool, which keeps [N, C, 1, 1], then Flatten to [N, C] as DJL returns. */
  private static void addGlobalAvgPool(GraphProto.Builder graph, Wiring wiring) {
    String pooled = "layer" + wiring.index() + ".pooled";
    Wiring pool = new Wiring(wiring.index(), wiring.input(), pooled);
    graph.addNode(node("GlobalAveragePool", pool));
    Wiring flatten = new Wiring(wiring.index(), pooled, wiring.output());
    graph.addNode(
        node("Flatten", flatten)
            .setName("flatten" + wiring.index())
            .addAttribute(OnnxProtos.integer("axis", 1)));
  }

  private static void addParameters(GraphProto.Builder graph, Block block, Wiring wiring) {
    addParameters(graph, block, wiring, List.of("weight", "bias"));
  }

  private static void addParameters(
      GraphProto.Builder graph, Block block, Wiring wiring, List<String> kinds) {
    for (String kind : kinds) {
      NDArray array = block.getParameters().get(kind).getArray();
      graph.addInitializer(
          OnnxProtos.floatTensor(
              wiring.parameter(kind), array.getShape().getShape(), array.toFloatArray()));
    }
  }

  private static NodeProto.Builder node(String operator, Wiring wiring) {
    return NodeProto.newBuilder()
        .setName(operator.toLowerCase(Locale.ROOT) + wiring.index())
        .setOpType(operator)
        .addInput(wiring.input())
        .addOutput(wiring.output());
  }
}
