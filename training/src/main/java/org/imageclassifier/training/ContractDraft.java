package org.imageclassifier.training;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.imageclassifier.core.model.Activation;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.ModelPackage;

/**
 * The content of model.json except the ONNX file's checksum, which only the export can compute. The
 * output is always {@link OnnxExporter#OUTPUT_NAME}, raw logits: two labels mean one logit read
 * through the sigmoid, more labels one logit per label read through the softmax. The confidence
 * threshold is 0.
 *
 * @param name model name
 * @param version model version
 * @param input the input tensor
 * @param preprocessing resize, scale, mean and std used in training
 * @param labels class labels in output order
 * @param provenance how the model was trained
 */
public record ContractDraft(
    String name,
    String version,
    ModelContract.Input input,
    ModelContract.Preprocessing preprocessing,
    List<String> labels,
    double confidenceThreshold,
    TrainingProvenance provenance) {

  /**
   * Completes the contract for an exported ONNX file.
   *
   * @throws IllegalArgumentException when a field is invalid
   */
  public ModelContract toContract(ModelContract.OnnxFile onnx) {
    JsonNode training = ModelPackage.mapper().valueToTree(provenance);
    ModelContract.Output output =
        new ModelContract.Output(
            OnnxExporter.OUTPUT_NAME, labels.size() == 2 ? Activation.SIGMOID : Activation.SOFTMAX);
    return new ModelContract(
            ModelContract.SCHEMA_VERSION,
            name,
            version,
            onnx,
            input,
            preprocessing,
            output,
            labels,
            confidenceThreshold,
            training)
        .validate();
  }

  /** Returns a copy whose provenance includes the parity report. */
  public ContractDraft withParity(ParityReport report) {
    return new ContractDraft(
        name,
        version,
        input,
        preprocessing,
        labels,
        confidenceThreshold,
        provenance.withParity(report));
  }
}
