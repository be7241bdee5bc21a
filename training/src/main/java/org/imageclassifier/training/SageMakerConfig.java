package org.imageclassifier.training;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.imageclassifier.core.model.ModelPackage;

/**
 * Reads the job configuration SageMaker writes into the container: the hyperparameters and the
 * channel settings. {@code SM_HPS} and {@code SM_INPUT_DATA_CONFIG}, when set, win over the files.
 */
public final class SageMakerConfig {

  private SageMakerConfig() {}

  /**
   * Returns the hyperparameters as strings: from {@code SM_HPS} when set, else from {@code
   * hyperparameters.json}, else none. Numbers and booleans become their text.
   *
   * @throws IllegalArgumentException when the JSON is not an object of scalar values
   */
  public static Map<String, String> hyperparameters(JobPaths paths) throws IOException {
    JsonNode root = read(paths, "SM_HPS", paths.hyperparametersFile());
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      JsonNode value = entry.getValue();
      if (!value.isValueNode() || value.isNull()) {
        throw new IllegalArgumentException(
            "Invalid hyperparameter %s=%s: expected a string, number or boolean. Pass every value as a string."
                .formatted(entry.getKey(), value));
      }
      values.put(entry.getKey(), value.asText());
    }
    return values;
  }

  /**
   * Checks that no channel uses Pipe mode, which streams records instead of writing files.
   *
   * @throws IllegalArgumentException naming the channel and the mode
   */
  public static void checkInputModes(JobPaths paths) throws IOException {
    JsonNode root = read(paths, "SM_INPUT_DATA_CONFIG", paths.inputDataConfigFile());
    for (Map.Entry<String, JsonNode> channel : root.properties()) {
      String mode = channel.getValue().path("TrainingInputMode").asText("File");
      if (mode.equalsIgnoreCase("Pipe")) {
        throw new IllegalArgumentException(
            "Channel %s uses TrainingInputMode Pipe, which this job cannot read. Set the channel's input mode to File or FastFile."
                .formatted(channel.getKey()));
      }
    }
  }

  private static JsonNode read(JobPaths paths, String variable, Path file) throws IOException {
    String inline = paths.environment().get(variable);
    JsonNode root;
    if (inline != null && !inline.isBlank()) {
      root = parse(inline, variable);
    } else if (Files.isRegularFile(file)) {
      root = parse(Files.readString(file), file.toString());
    } else {
      return ModelPackage.mapper().createObjectNode();
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException(
          "Invalid JSON in %s: expected an object, found %s."
              .formatted(
                  inline != null && !inline.isBlank() ? variable : file, root.getNodeType()));
    }
    return root;
  }

  private static JsonNode parse(String json, String source) {
    try {
      return ModelPackage.mapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Invalid JSON in %s: %s".formatted(source, e.getMessage()), e);
    }
  }
}
