package org.imageclassifier.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.ModelPackage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page of the local server in headless Chromium, driven by {@code page-test.cjs} through
 * playwright-core: a chosen and a dropped Fashion-MNIST image show their top-5 labels as bars with
 * the model version, and a text file shows the error code. The test fails, and never skips, when
 * Chromium or Node.js is missing.
 */
@ExtendWith(RunningApiServer.class)
class PageBrowserTest {

  /** Chromium from the Debian package {@code chromium}. */
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private static final Path SAMPLES = Path.of("..", "samples", "uploads");
  private static final long TIMEOUT_SECONDS = 180;

  private static JsonNode summary;

  @BeforeAll
  static void runPage(LocalApiServer server, @TempDir Path output) throws Exception {
    assertThat(CHROMIUM)
        .as("Chromium for the page test; install it with: apt-get install chromium")
        .isExecutable();
    String stdout =
        NodeScript.run(
            "page-test.cjs",
            output,
            TIMEOUT_SECONDS,
            server.endpoint() + "/",
            SAMPLES.resolve("Ankle boot.png").toString(),
            SAMPLES.resolve("Trouser.png").toString(),
            SAMPLES.resolve("not an image.txt").toString(),
            output.toString());
    summary = new ObjectMapper().readTree(stdout);
    copyScreenshot(output);
  }

  @Test
  void chosenImageShowsTopFiveBars() {
    JsonNode chosen = summary.get("chosen");

    assertThat(summary.get("title").asText()).isEqualTo("Image classifier");
    assertThat(chosen.get("label").asText()).isEqualTo("Ankle boot");
    assertThat(chosen.get("bars")).hasSize(5);
    assertThat(chosen.get("bars").get(0).get("label").asText()).isEqualTo("Ankle boot");
    assertThat(chosen.get("bars").get(0).get("value").asText()).matches("\\d{1,3}\\.\\d%");
    assertThat(chosen.get("imageInfo").asText()).isEqualTo("PNG 28x28");
  }

  @Test
  void barsShrinkWithProbability() {
    JsonNode bars = summary.get("chosen").get("bars");

    for (int i = 1; i < bars.size(); i++) {
      assertThat(bars.get(i).get("width").asDouble())
          .as("width of bar %d", i)
          .isLessThanOrEqualTo(bars.get(i - 1).get("width").asDouble());
    }
    assertThat(bars.get(0).get("width").asDouble()).isGreaterThan(50.0);
  }

  @Test
  void pageShowsModelVersion() throws Exception {
    ModelContract contract = ModelPackage.readContract(Path.of("..", "model", "model.json"));

    assertThat(summary.get("chosen").get("modelVersion").asText()).isEqualTo(contract.version());
    assertThat(summary.get("chosen").get("modelName").asText()).isEqualTo(contract.name());
  }

  @Test
  void droppedImageIsClassified() {
    JsonNode dropped = summary.get("dropped");

    assertThat(dropped.get("label").asText()).isEqualTo("Trouser");
    assertThat(dropped.get("bars")).hasSize(5);
  }

  @Test
  void textFileShowsErrorCode() {
    JsonNode error = summary.get("error");

    assertThat(error.get("code").asText()).isEqualTo("400 NOT_AN_IMAGE");
    assertThat(error.get("message").asText()).isNotBlank();
    assertThat(error.get("requestId").asText()).isNotBlank().isNotEqualTo("-");
    assertThat(error.get("resultHidden").asBoolean()).isTrue();
  }

  @Test
  void pageLoadsNothingElsewhere() {
    assertThat(summary.get("external")).isEmpty();
  }

  /** Keeps the screenshot in target/ for a person to look at. */
  private static void copyScreenshot(Path output) throws IOException {
    Path target = Path.of("target", "page-test");
    Files.createDirectories(target);
    Files.copy(
        output.resolve("page.png"),
        target.resolve("page.png"),
        StandardCopyOption.REPLACE_EXISTING);
  }
}
