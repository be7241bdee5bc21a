package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.initializer.NormalInitializer;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnnxExporterTest {

  private static final NetworkSpec SPEC = NetworkSpec.fashionMnistCnn();

  private static Model model;
  private static ModelProto exported;

  @BeforeAll
  static void exportInitialisedNetwork() throws InvalidProtocolBufferException {
    System.setProperty("ai.djl.offline", "true");
    model = Model.newInstance("exporter-test", Device.cpu(), NetworkTrainer.ENGINE);
    SequentialBlock block = DjlNetworks.build(SPEC);
    block.setInitializer(new NormalInitializer(), Parameter.Type.WEIGHT);
    block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 28, 28));
    model.setBlock(block);
    byte[] bytes = OnnxExporter.export(SPEC, block, "test-graph").toByteArray();
    exported = ModelProto.parseFrom(bytes);
  }

  @AfterAll
  static void closeModel() {
    model.close();
  }

  @Test
  void declaresIrVersionAndOpset() {
    assertThat(exported.getIrVersion()).isEqualTo(8);
    assertThat(exported.getOpsetImportList()).hasSize(1);
    assertThat(exported.getOpsetImport(0).getDomain()).isEmpty();
    assertThat(exported.getOpsetImport(0).getVersion()).isEqualTo(13);
  }

  @Test
  void inputHasSymbolicBatch() {
    GraphProto graph = exported.getGraph();

    assertThat(graph.getInputList()).extracting(ValueInfoProto::getName).containsExactly("input");
    assertThat(dims(graph.getInput(0))).containsExactly("batch", "1", "28", "28");
    assertThat(graph.getInput(0).getType().getTensorType().getElemType())
        .isEqualTo(TensorProto.DataType.FLOAT.getNumber());
  }

  @Test
  void outputIsLogitsPerClass() {
    GraphProto graph = exported.getGraph();

    assertThat(graph.getOutputList()).extracting(ValueInfoProto::getName).containsExactly("logits");
    assertThat(dims(graph.getOutput(0))).containsExactly("batch", "10");
    assertThat(graph.getNode(graph.getNodeCount() - 1).getOutput(0)).isEqualTo("logits");
  }

  @Test
  void nodesFollowSpecOrder() {
    assertThat(exported.getGraph().getNodeList())
        .extracting(NodeProto::getOpType)
        .containsExactly("Conv", "Relu", "MaxPool", "Conv", "Relu", "MaxPool", "Flatten", "Gemm");
  }

  @Test
  void nodesChainOutputsToInputs() {
    List<NodeProto> nodes = exported.getGraph().getNodeList();

    assertThat(nodes.get(0).getInput(0)).isEqualTo("input");
    for (int i = 1; i < nodes.size(); i++) {
      assertThat(nodes.get(i).getInput(0)).isEqualTo(nodes.get(i - 1).getOutput(0));
    }
  }

  @Test
  void attributesMatchLayers() {
    List<NodeProto> nodes = exported.getGraph().getNodeList();

    assertThat(ints(nodes.get(0), "kernel_shape")).containsExactly(3L, 3L);
    assertThat(ints(nodes.get(0), "pads")).containsExactly(1L, 1L, 1L, 1L);
    assertThat(ints(nodes.get(0), "strides")).containsExactly(1L, 1L);
    assertThat(ints(nodes.get(2), "kernel_shape")).containsExactly(2L, 2L);
    assertThat(ints(nodes.get(2), "strides")).containsExactly(2L, 2L);
    assertThat(attribute(nodes.get(6), "axis").getI()).isEqualTo(1);
    assertThat(attribute(nodes.get(7), "transB").getI()).isEqualTo(1);
  }

  @Test
  void initializersHaveParameterShapes() {
    assertThat(exported.getGraph().getInitializerList())
        .extracting(TensorProto::getName, TensorProto::getDimsList)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("layer0.weight", List.of(32L, 1L, 3L, 3L)),
            org.assertj.core.groups.Tuple.tuple("layer0.bias", List.of(32L)),
            org.assertj.core.groups.Tuple.tuple("layer3.weight", List.of(64L, 32L, 3L, 3L)),
            org.assertj.core.groups.Tuple.tuple("layer3.bias", List.of(64L)),
            org.assertj.core.groups.Tuple.tuple("layer7.weight", List.of(10L, 3136L)),
            org.assertj.core.groups.Tuple.tuple("layer7.bias", List.of(10L)));
  }

  @Test
  void initializerHoldsTrainedValues() {
    TensorProto weight = exported.getGraph().getInitializer(4);
    float[] stored = new float[10 * 3136];
    weight
        .getRawData()
        .asReadOnlyByteBuffer()
        .order(ByteOrder.LITTLE_ENDIAN)
        .asFloatBuffer()
        .get(stored);

    float[] expected =
        model
            .getBlock()
            .getChildren()
            .get(7)
            .getValue()
            .getParameters()
            .get("weight")
            .getArray()
            .toFloatArray();
    assertThat(stored).containsExactly(expected);
  }

  @Test
  void blockOfOtherSpecRejected() {
    NetworkSpec shorter =
        new NetworkSpec(1, 28, 28, List.of(new LayerSpec.Flatten(), new LayerSpec.Dense(10)));

    assertThatThrownBy(() -> OnnxExporter.export(shorter, model.getBlock(), "mismatch"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("network has 8 child blocks but the spec has 2 layers");
  }

  private static List<String> dims(ValueInfoProto value) {
    return value.getType().getTensorType().getShape().getDimList().stream()
        .map(OnnxExporterTest::dimText)
        .toList();
  }

  private static String dimText(TensorShapeProto.Dimension dimension) {
    return dimension.hasDimParam()
        ? dimension.getDimParam()
        : Long.toString(dimension.getDimValue());
  }

  private static List<Long> ints(NodeProto node, String name) {
    return attribute(node, name).getIntsList();
  }

  private static AttributeProto attribute(NodeProto node, String name) {
    return node.getAttributeList().stream()
        .filter(attribute -> attribute.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(node.getOpType() + " has no attribute " + name));
  }
}
