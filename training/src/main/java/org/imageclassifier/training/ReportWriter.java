package org.imageclassifier.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.imageclassifier.core.model.ModelPackage;
import org.imageclassifier.training.report.ConfusionMatrixPlot;
import org.imageclassifier.training.report.LearningCurvePlot;

/**
 * Writes the evaluation report into a model folder: {@value #METRICS_FILE} with the full {@link
 * ClassificationMetrics}, the plots {@value #CURVES_FILE} and {@value #CONFUSION_FILE}, and {@value
 * #HTML_FILE}, a page that shows the headline numbers, the per-class table and both plots.
 */
public final class ReportWriter {

  /** File name of the metrics. */
  public static final String METRICS_FILE = "metrics.json";

  /** File name of the learning-curve plot. */
  public static final String CURVES_FILE = "learning-curves.png";

  /** File name of the confusion-matrix plot. */
  public static final String CONFUSION_FILE = "confusion-matrix.png";

  /** File name of the report page. */
  public static final String HTML_FILE = "report.html";

  private final String modelName;
  private final String version;
  private final ClassificationMetrics metrics;
  private final List<EpochMetrics> history;

  /** Creates a writer for a model's final metrics and per-epoch history. */
  public ReportWriter(
      String modelName, String version, ClassificationMetrics metrics, List<EpochMetrics> history) {
    this.modelName = modelName;
    this.version = version;
    this.metrics = metrics;
    this.history = List.copyOf(history);
  }

  /** Writes the report files into {@code directory}. */
  public void write(Path directory) throws IOException {
    ModelPackage.mapper()
        .writerWithDefaultPrettyPrinter()
        .writeValue(directory.resolve(METRICS_FILE).toFile(), metrics);
    LearningCurvePlot.write(history, directory.resolve(CURVES_FILE));
    ConfusionMatrixPlot.write(
        metrics.labels(), metrics.confusionMatrix(), directory.resolve(CONFUSION_FILE));
    Files.writeString(directory.resolve(HTML_FILE), html(), StandardCharsets.UTF_8);
  }

  private String html() {
    StringBuilder page = new StringBuilder();
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.append("<title>").append(escape(modelName + " " + version)).append("</title>\n");
    page.append(
        "<style>body{font-family:sans-serif;margin:2em;max-width:1000px}"
            + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;"
            + "text-align:right}th:first-child,td:first-child{text-align:left}</style>\n");
    page.append("</head>\n<body>\n");
    page.append("<h1>").append(escape(modelName)).append(" ").append(escape(version));
    page.append("</h1>\n");
    page.append(summary());
    page.append(classTable());
    page.append("<h2>Learning curves</h2>\n<img src=\"").append(CURVES_FILE);
    page.append("\" alt=\"loss and accuracy per epoch\" width=\"960\">\n");
    page.append("<h2>Confusion matrix</h2>\n<img src=\"").append(CONFUSION_FILE);
    page.append("\" alt=\"confusion matrix, actual class by row\">\n");
    page.append("</body>\n</html>\n");
    return page.toString();
  }

  private String summary() {
    return """
        <p>Evaluated on %d %s images after %d epochs.</p>
        <table>
        <tr><th>accuracy</th><td>%s</td></tr>
        <tr><th>mean cross-entropy</th><td>%s</td></tr>
        <tr><th>macro F1</th><td>%s</td></tr>
        <tr><th>expected calibration error (%d bins)</th><td>%s</td></tr>
        </table>
        """
        .formatted(
            metrics.images(),
            escape(metrics.split()),
            history.size(),
            number(metrics.accuracy()),
            number(metrics.loss()),
            number(metrics.macroF1()),
            ClassificationMetrics.CALIBRATION_BINS,
            number(metrics.expectedCalibrationError()));
  }

  private String classTable() {
    StringBuilder table = new StringBuilder("<h2>Per class</h2>\n<table>\n");
    table.append("<tr><th>class</th><th>precision</th><th>recall</th><th>F1</th>");
    table.append("<th>images</th></tr>\n");
    for (ClassificationMetrics.ClassMetrics row : metrics.classes()) {
      table
          .append("<tr><td>")
          .append(escape(row.label()))
          .append("</td><td>")
          .append(number(row.precision()))
          .append("</td><td>")
          .append(number(row.recall()))
          .append("</td><td>")
          .append(number(row.f1()))
          .append("</td><td>")
          .append(row.support())
          .append("</td></tr>\n");
    }
    return table.append("</table>\n").toString();
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  /** Escapes the five HTML special characters. */
  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
