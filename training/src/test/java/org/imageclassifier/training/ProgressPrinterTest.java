package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

  private static final EpochMetrics EPOCH =
      new EpochMetrics(3, 0.31, 0.887, 0.29, 0.902, 7.5e-4, 182.4);

  @Test
  void epochLineHasNameValuePairs() {
    assertThat(ProgressPrinter.line(EPOCH, 544))
        .isEqualTo(
            "epoch=3 train_loss=0.3100 train_accuracy=0.8870 validation_loss=0.2900"
                + " validation_accuracy=0.9020 learning_rate=0.000750 elapsed_seconds=182.4"
                + " eta_seconds=544.0");
  }

  @Test
  void epochLineWithoutValidationOmitsIt() {
    EpochMetrics noValidation = new EpochMetrics(1, 0.5, 0.8, null, null, 0.001, 10);

    assertThat(ProgressPrinter.line(noValidation, 0)).doesNotContain("validation");
  }

  @Test
  void metricDefinitionRegexesReadLines() {
    String line = ProgressPrinter.line(EPOCH, 544);

    assertThat(read("train_loss=([0-9.]+)", line)).isEqualTo("0.3100");
    assertThat(read("validation_accuracy=([0-9.]+)", line)).isEqualTo("0.9020");
    assertThat(read("learning_rate=([0-9.]+)", line)).isEqualTo("0.000750");
  }

  @Test
  void finalLineNamesSplit() {
    ClassificationMetrics metrics =
        ClassificationMetrics.of(
            "test", List.of("a", "b", "c"), new float[][] {{5, 0, 0}, {0, 5, 0}}, new int[] {0, 2});

    String line = ProgressPrinter.finalLine(metrics);

    assertThat(line).startsWith("test_images=2 test_accuracy=0.5000 test_loss=");
    assertThat(read("test_accuracy=([0-9.]+)", line)).isEqualTo("0.5000");
    assertThat(line).contains(" test_macro_f1=", " test_expected_calibration_error=");
  }

  @Test
  void nonTerminalPrintsNoProgressBar() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressPrinter printer =
        new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), 5, null);

    printer.onBatch(1, 3, 10);
    printer.onEpoch(EPOCH, 12);

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(ProgressPrinter.line(EPOCH, 12) + System.lineSeparator());
  }

  private static String read(String regex, String line) {
    Matcher matcher = Pattern.compile(regex).matcher(line);
    assertThat(matcher.find()).as("%s finds a value in %s", regex, line).isTrue();
    return matcher.group(1);
  }
}
