package org.imageclassifier.training.report;

import java.awt.Color;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.imageclassifier.training.EpochMetrics;

/**
 * Draws the learning curves as one PNG with two panels side by side: loss and accuracy per epoch,
 * training in blue and validation in orange. The training values are measured on augmented images
 * while the weights change, so they can sit below the validation values.
 */
public final class LearningCurvePlot {

  /** Image width, in pixels. */
  public static final int WIDTH = 960;

  /** Image height, in pixels. */
  public static final int HEIGHT = 400;

  private static final Color TRAIN = new Color(31, 119, 180);
  private static final Color VALIDATION = new Color(255, 127, 14);
  private static final Color AXIS = new Color(60, 60, 60);
  private static final Color GRID = new Color(225, 225, 225);
  private static final int MARGIN = 55;

  private LearningCurvePlot() {}

  /**
   * Draws the curves of {@code history} and writes them to {@code file}.
   *
   * @param history per-epoch metrics, at least one epoch
   */
  public static void write(List<EpochMetrics> history, Path file) throws IOException {
    try (Canvas canvas = new Canvas(WIDTH, HEIGHT)) {
      Panel loss = new Panel(0, "loss");
      Panel accuracy = new Panel(WIDTH / 2, "accuracy");
      loss.draw(canvas, history, EpochMetrics::trainLoss, EpochMetrics::validationLoss);
      accuracy.draw(canvas, history, EpochMetrics::trainAccuracy, EpochMetrics::validationAccuracy);
      canvas.text("training", MARGIN, HEIGHT - 6, TRAIN);
      canvas.text("validation", MARGIN + 80, HEIGHT - 6, VALIDATION);
      canvas.save(file);
    }
  }

  /** One panel: a value per epoch against the epoch number. */
  private record Panel(int left, String title) {

    void draw(
        Canvas canvas,
        List<EpochMetrics> history,
        Function<EpochMetrics, Double> train,
        Function<EpochMetrics, Double> validation) {
      double[] range = range(history, train, validation);
      Frame frame =
          new Frame(
              left + MARGIN, 35, WIDTH / 2 - MARGIN - 20, HEIGHT - 35 - 45, range, history.size());
      frame.drawAxes(canvas, title);
      frame.drawSeries(canvas, history, train, TRAIN);
      frame.drawSeries(canvas, history, validation, VALIDATION);
    }

    private static double[] range(
        List<EpochMetrics> history,
        Function<EpochMetrics, Double> train,
        Function<EpochMetrics, Double> validation) {
      double min = Double.MAX_VALUE;
      double max = -Double.MAX_VALUE;
      for (EpochMetrics epoch : history) {
        for (Double value : new Double[] {train.apply(epoch), validation.apply(epoch)}) {
          if (value != null) {
            min = Math.min(min, value);
            max = Math.max(max, value);
          }
        }
      }
      double pad = Math.max(1e-3, (max - min) * 0.05);
      return new double[] {min - pad, max + pad};
    }
  }

  /** The plotting area of a panel, in pixels, and the value range it shows. */
  private record Frame(int x, int y, int width, int height, double[] range, int epochs) {

    double px(int epoch) {
      return epochs == 1 ? x + width / 2.0 : x + (epoch - 1) * (double) width / (epochs - 1);
    }

    double py(double value) {
      return y + height - (value - range[0]) / (range[1] - range[0]) * height;
    }

    void drawAxes(Canvas canvas, String title) {
      for (int tick = 0; tick <= 4; tick++) {
        double value = range[0] + (range[1] - range[0]) * tick / 4;
        canvas.pen(GRID, 1f);
        canvas.graphics().draw(new java.awt.geom.Line2D.Double(x, py(value), x + width, py(value)));
        canvas.rightText("%.3f".formatted(value), x - 6, py(value) + 4, AXIS);
      }
      canvas.pen(AXIS, 1f);
      canvas.graphics().drawRect(x, y, width, height);
      for (int epoch = 1; epoch <= epochs; epoch += Math.max(1, epochs / 8)) {
        canvas.centredText(Integer.toString(epoch), px(epoch), y + height + 16, AXIS);
      }
      canvas.centredText("epoch", x + width / 2.0, y + height + 34, AXIS);
      canvas.centredText(title, x + width / 2.0, y - 10, AXIS);
    }

    void drawSeries(
        Canvas canvas,
        List<EpochMetrics> history,
        Function<EpochMetrics, Double> series,
        Color color) {
      Path2D.Double line = new Path2D.Double();
      boolean started = false;
      for (EpochMetrics epoch : history) {
        Double value = series.apply(epoch);
        if (value == null) {
          continue;
        }
        double px = px(epoch.epoch());
        double py = py(value);
        if (started) {
          line.lineTo(px, py);
        } else {
          line.moveTo(px, py);
          started = true;
        }
        canvas.pen(color, 1f);
        canvas.graphics().fill(new java.awt.geom.Ellipse2D.Double(px - 2.5, py - 2.5, 5, 5));
      }
      canvas.pen(color, 2f);
      canvas.graphics().draw(line);
    }
  }
}
