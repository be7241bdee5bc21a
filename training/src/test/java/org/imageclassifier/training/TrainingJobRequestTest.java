package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imageclassifier.core.model.ModelPackage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks infra/create-training-job.json against the job it starts. */
class TrainingJobRequestTest {

  private static final Path REQUEST = Path.of("..", "infra", "create-training-job.json");

  private static JsonNode request;

  @BeforeAll
  static void readRequest() throws Exception {
    request = ModelPackage.mapper().readTree(REQUEST.toFile());
  }

  @Test
  void hyperparametersParse() {
    Map<String, String> values = new LinkedHashMap<>();
    request
        .path("HyperParameters")
        .properties()
        .forEach(entry -> values.put(entry.getKey(), entry.getValue().asText()));
    values.put("model_version", "20261204T1800Z");

    JobSettings settings = HyperparameterParser.parse(values);

    assertThat(settings.hyperparameters().architecture().batchNorm()).isTrue();
    assertThat(settings.modelName()).isEqualTo("fashion-mnist-cnn");
  }

  @Test
  void metricRegexesReadJobOutput() {
    EpochMetrics epoch = new EpochMetrics(3, 0.31, 0.887, 0.29, 0.902, 7.5e-4, 182.4);
    ClassificationMetrics test =
        ClassificationMetrics.of(
            "test", List.of("a", "b"), new float[][] {{2f}, {-1f}}, new int[] {1, 0});
    String output = ProgressPrinter.line(epoch, 10) + "\n" + ProgressPrinter.finalLine(test);

    for (JsonNode definition : request.path("AlgorithmSpecification").path("MetricDefinitions")) {
      Matcher matcher = Pattern.compile(definition.path("Regex").asText()).matcher(output);
      assertThat(matcher.find()).as(definition.path("Name").asText()).isTrue();
      assertThat(Double.parseDouble(matcher.group(1)))
          .as(definition.path("Name").asText())
          .isBetween(0.0, 1.0);
    }
  }

  @Test
  void checkpointsGoWhereJobSavesThem() {
    assertThat(request.path("CheckpointConfig").path("LocalPath").asText())
        .isEqualTo(JobPaths.resolve(null, null, Map.of()).checkpointDirectory().toString());
    assertThat(request.path("EnableNetworkIsolation").asBoolean()).isTrue();
  }
}
