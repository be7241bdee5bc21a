package org.imageclassifier.training;

import java.util.List;
import java.util.Map;

/**
 * Everything the hyperparameters set for one job.
 *
 * @param hyperparameters the training settings
 * @param classNames class names for IDX data, or null for the Fashion-MNIST names; image folders
 *     take their names from the subfolders
 * @param modelName model name written to model.json
 * @param modelVersion model version written to model.json, or null for the UTC start time
 * @param parityImages images compared between the trained network and its ONNX export
 * @param testTimeFlip whether the evaluation and the exported model average each image's logits
 *     with those of its mirror image; training is the same either way
 * @param confidenceThreshold the model's {@code confidenceThreshold} in model.json, in [0, 1]: a
 *     top-1 probability below it makes a served result BELOW_THRESHOLD, and 0 accepts every label
 * @param raw the hyperparameters as given, key to string value
 */
public record JobSettings(
    Hyperparameters hyperparameters,
    List<String> classNames,
    String modelName,
    String modelVersion,
    int parityImages,
    boolean testTimeFlip,
    double confidenceThreshold,
    Map<String, String> raw) {

  /** Creates the settings; the lists and the map are copied. */
  public JobSettings {
    classNames = classNames == null ? null : List.copyOf(classNames);
    raw = Map.copyOf(raw);
  }
}
