package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.initializer.NormalInitializer;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exports batch normalisation, dropout, global average pooling and a single sigmoid logit. */
class OnnxExporterLayersTest {

  private static final NetworkSpec SPEC =
      NetworkSpec.of(3, 16, 16, 2, new Architecture(List.of(8), 1, true, 0.5f, true));

  private static Model model;
  private static GraphProto graph;

  @BeforeAll
  static void exportInitialisedNetwork() throws Exception {
    System.setProperty("ai.djl.offline", "true");
    model = Model.newInstance("layers-test", Device.cpu(), NetworkTrainer.ENGINE);
    SequentialBlock block = DjlNetworks.build(SPEC);
    block.setInitializer(new NormalInitializer(), Parameter.Type.WEIGHT);
    block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, 16, 16));
    model.setBlock(block);
    ModelProto exported = OnnxExporter.export(SPEC, block, "layers");
    graph = ModelProto.parseFrom(exported.toByteArray()).getGraph();
  }

  @AfterAll
  static void closeModel() {
    model.close();
  }

  @Test
  void specOfTwoClassesHasOneOutput() {
    assertThat(SPEC.outputs()).isEqualTo(1);
    assertThat(SPEC.binary()).isTrue();
    assertThat(SPEC.classes()).isEqualTo(2);
  }

  @Test
  void layersMapToInferenceOperators() {
    assertThat(graph.getNodeList())
        .extracting(NodeProto::getOpType)
        .containsExactly(
            "Conv",
            "BatchNormalization",
            "Relu",
            "MaxPool",
            "GlobalAveragePool",
            "Flatten",
            "Identity",
            "Gemm");
  }

  @Test
  void nodesChainOutputsToInputs() {
    List<NodeProto> nodes = graph.getNodeList();

    assertThat(nodes.get(0).getInput(0)).isEqualTo("input");
    for (int i = 1; i < nodes.size(); i++) {
      assertThat(nodes.get(i).getInput(0)).isEqualTo(nodes.get(i - 1).getOutput(0));
    }
    assertThat(nodes.getLast().getOutput(0)).isEqualTo("logits");
  }

  @Test
  void batchNormUsesRunningStatistics() {
    NodeProto norm = graph.getNode(1);

    assertThat(norm.getInputList())
        .containsExactly(
            "layer0", "layer1.gamma", "layer1.beta", "layer1.runningMean", "layer1.runningVar");
    assertThat(norm.getAttribute(0).getName()).isEqualTo("epsilon");
    assertThat(norm.getAttribute(0).getF()).isEqualTo(1e-5f);
    assertThat(graph.getInitializerList())
        .filteredOn(tensor -> tensor.getName().startsWith("layer1."))
        .extracting(TensorProto::getDimsList)
        .containsOnly(List.of(8L));
  }

  @Test
  void outputIsOneLogit() {
    assertThat(graph.getOutput(0).getType().getTensorType().getShape().getDim(1).getDimValue())
        .isEqualTo(1);
  }
}
