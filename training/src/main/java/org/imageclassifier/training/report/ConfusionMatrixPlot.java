package org.imageclassifier.training.report;

import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws a confusion matrix as a PNG heat map: one row per actual class, one column per predicted
 * class, each cell shaded by its share of the row and labelled with its count.
 */
public final class ConfusionMatrixPlot {

  private static final int CELL = 52;
  private static final int LABEL_SPACE = 110;
  private static final Color TEXT = new Color(40, 40, 40);

  private ConfusionMatrixPlot() {}

  /** Returns the image width and height for {@code classes} classes, in pixels. */
  public static int size(int classes) {
    return LABEL_SPACE + classes * CELL + 30;
  }

  /**
   * Draws the matrix and writes it to {@code file}.
   *
   * @param labels class labels, in index order
   * @param counts {@code counts[actual][predicted]}
   */
  public static void write(List<String> labels, int[][] counts, Path file) throws IOException {
    int size = size(labels.size());
    try (Canvas canvas = new Canvas(size, size)) {
      for (int actual = 0; actual < labels.size(); actual++) {
        int rowTotal = 0;
        for (int count : counts[actual]) {
          rowTotal += count;
        }
        for (int predicted = 0; predicted < labels.size(); predicted++) {
          drawCell(canvas, actual, predicted, counts[actual][predicted], rowTotal);
        }
      }
      drawLabels(canvas, labels);
      canvas.save(file);
    }
  }

  private static void drawCell(Canvas canvas, int actual, int predicted, int count, int rowTotal) {
    double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
    int shade = (int) Math.round(255 - 200 * share);
    int x = LABEL_SPACE + predicted * CELL;
    int y = LABEL_SPACE + actual * CELL;
    canvas.graphics().setColor(new Color(shade, shade, 255));
    canvas.graphics().fillRect(x, y, CELL, CELL);
    canvas.graphics().setColor(Color.LIGHT_GRAY);
    canvas.graphics().drawRect(x, y, CELL, CELL);
    Color text = share > 0.5 ? Color.WHITE : TEXT;
    canvas.centredText(Integer.toString(count), x + CELL / 2.0, y + CELL / 2.0 + 4, text);
  }

  private static void drawLabels(Canvas canvas, List<String> labels) {
    for (int i = 0; i < labels.size(); i++) {
      double centre = LABEL_SPACE + i * CELL + CELL / 2.0;
      canvas.rightText(shorten(labels.get(i)), LABEL_SPACE - 6, centre + 4, TEXT);
      AffineTransform saved = canvas.graphics().getTransform();
      canvas.graphics().rotate(-Math.PI / 2, centre + 4, LABEL_SPACE - 6);
      canvas.text(shorten(labels.get(i)), centre + 4, LABEL_SPACE - 6, TEXT);
      canvas.graphics().setTransform(saved);
    }
    canvas.text("predicted", LABEL_SPACE, 14, TEXT);
    canvas.text("actual", 4, LABEL_SPACE - 6, TEXT);
  }

  private static String shorten(String label) {
    return label.length() <= 14 ? label : label.substring(0, 13) + "…";
  }
}
