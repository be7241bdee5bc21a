package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.imageclassifier.core.model.ModelPackage;
import org.imageclassifier.training.report.ConfusionMatrixPlot;
import org.imageclassifier.training.report.LearningCurvePlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  @TempDir static Path folder;

  private static ClassificationMetrics metrics;

  @BeforeAll
  static void writeReport() throws Exception {
    float[][] logits = {{3f, 0f, 0f}, {0f, 2f, 0f}, {0f, 0f, 1f}, {2f, 0f, 0f}};
    metrics =
        ClassificationMetrics.of(
            "test", List.of("cat", "<dog>", "fish & chips"), logits, new int[] {0, 1, 2, 1});
    List<EpochMetrics> history =
        List.of(
            new EpochMetrics(1, 0.9, 0.6, 0.8, 0.65, 0.001, 10),
            new EpochMetrics(2, 0.5, 0.8, 0.6, 0.75, 0.0005, 20),
            new EpochMetrics(3, 0.4, 0.85, 0.55, 0.8, 0.0001, 30));
    new ReportWriter("demo-model", "v1", metrics, history).write(folder);
  }

  @Test
  void metricsJsonHoldsEvaluation() throws Exception {
    JsonNode json = ModelPackage.mapper().readTree(folder.resolve("metrics.json").toFile());

    assertThat(json.path("accuracy").asDouble()).isEqualTo(0.75);
    assertThat(json.path("classes")).hasSize(3);
    assertThat(json.path("classes").get(1).path("recall").asDouble()).isEqualTo(0.5);
    assertThat(json.path("confusionMatrix").get(1).get(0).asInt()).isEqualTo(1);
    assertThat(json.has("expectedCalibrationError")).isTrue();
  }

  @Test
  void plotsArePngOfDeclaredSize() throws Exception {
    BufferedImage curves = ImageIO.read(folder.resolve("learning-curves.png").toFile());
    BufferedImage confusion = ImageIO.read(folder.resolve("confusion-matrix.png").toFile());

    assertThat(curves.getWidth()).isEqualTo(LearningCurvePlot.WIDTH);
    assertThat(curves.getHeight()).isEqualTo(LearningCurvePlot.HEIGHT);
    assertThat(confusion.getWidth()).isEqualTo(ConfusionMatrixPlot.size(3));
  }

  @Test
  void curvesDrawBothSeriesColours() throws Exception {
    BufferedImage curves = ImageIO.read(folder.resolve("learning-curves.png").toFile());

    assertThat(containsColour(curves, 0x1F77B4)).isTrue();
    assertThat(containsColour(curves, 0xFF7F0E)).isTrue();
  }

  @Test
  void htmlShowsPlotsAndEscapesLabels() throws Exception {
    String html = Files.readString(folder.resolve("report.html"));

    assertThat(html).contains("<img src=\"learning-curves.png\"");
    assertThat(html).contains("<img src=\"confusion-matrix.png\"");
    assertThat(html).contains("<td>&lt;dog&gt;</td>");
    assertThat(html).contains("fish &amp; chips");
    assertThat(html).contains("<tr><th>accuracy</th><td>0.7500</td></tr>");
  }

  private static boolean containsColour(BufferedImage image, int rgb) {
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
          return true;
        }
      }
    }
    return false;
  }
}
