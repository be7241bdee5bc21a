package org.imageclassifier.function.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmfDocumentTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void directivePerDimensionSets() throws Exception {
    EmfDocument document =
        new EmfDocument("ImageClassifier", 1_796_408_431_812L)
            .property("Service", "stack")
            .property("Outcome", "CLASSIFIED")
            .property("objectKey", "uploads/a.png")
            .metric("Images", MetricUnit.COUNT, 1, List.of("Service", "Outcome"))
            .metric("InferenceLatency", MetricUnit.MILLISECONDS, 0.3, List.of("Service"))
            .metric("DecodeLatency", MetricUnit.MILLISECONDS, 1.2, List.of("Service"));

    JsonNode json = MAPPER.readTree(document.toJson());

    JsonNode aws = json.get("_aws");
    assertThat(aws.get("Timestamp").asLong()).isEqualTo(1_796_408_431_812L);
    JsonNode directives = aws.get("CloudWatchMetrics");
    assertThat(directives).hasSize(2);
    assertThat(directives.get(0).get("Namespace").asText()).isEqualTo("ImageClassifier");
    assertThat(directives.get(0).get("Dimensions").get(0).toString())
        .isEqualTo("[\"Service\",\"Outcome\"]");
    assertThat(directives.get(0).get("Metrics").get(0).get("Name").asText()).isEqualTo("Images");
    assertThat(directives.get(0).get("Metrics").get(0).get("Unit").asText()).isEqualTo("Count");
    assertThat(directives.get(1).get("Metrics")).hasSize(2);
    assertThat(directives.get(1).get("Metrics").get(1).get("Unit").asText())
        .isEqualTo("Milliseconds");
    assertThat(json.get("Images").asDouble()).isEqualTo(1.0);
    assertThat(json.get("InferenceLatency").asDouble()).isEqualTo(0.3);
    assertThat(json.get("Outcome").asText()).isEqualTo("CLASSIFIED");
    assertThat(json.get("objectKey").asText()).isEqualTo("uploads/a.png");
  }

  @Test
  void missingDimensionValueRejected() {
    EmfDocument document =
        new EmfDocument("ImageClassifier", 0)
            .metric("Images", MetricUnit.COUNT, 1, List.of("Service"));

    assertThatThrownBy(document::toJson)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Service");
  }

  @Test
  void duplicateMetricRejected() {
    EmfDocument document =
        new EmfDocument("ImageClassifier", 0)
            .property("Service", "stack")
            .metric("Images", MetricUnit.COUNT, 1, List.of("Service"));

    assertThatThrownBy(() -> document.metric("Images", MetricUnit.COUNT, 1, List.of("Service")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Images");
  }

  @Test
  void emptyDimensionSetRejected() {
    EmfDocument document = new EmfDocument("ImageClassifier", 0);

    assertThatThrownBy(() -> document.metric("Images", MetricUnit.COUNT, 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void blankNamespaceRejected() {
    assertThatThrownBy(() -> new EmfDocument(" ", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("namespace");
  }
}
