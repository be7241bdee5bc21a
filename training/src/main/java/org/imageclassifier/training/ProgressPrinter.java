package org.imageclassifier.training;

import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints training progress to standard output. Each epoch ends with one metrics line of {@code
 * name=value} pairs that one regular expression per metric can read, for example {@code epoch=3
 * train_loss=0.3100 train_accuracy=0.8870 validation_loss=0.2900 validation_accuracy=0.9020
 * learning_rate=0.000750 elapsed_seconds=182.4 eta_seconds=544.0}. When standard output is a
 * terminal, a progress bar is redrawn in place during the epoch.
 */
final class ProgressPrinter implements NetworkTrainer.Listener {

  private static final int BAR_WIDTH = 30;

  private final PrintStream out;
  private final int epochs;
  private final boolean terminal;

  ProgressPrinter(PrintStream out, int epochs, Console console) {
    this.out = out;
    this.epochs = epochs;
    this.terminal = isTerminal(console);
  }

  /**
   * Returns whether the console is an interactive terminal. Java 21 returns no console when
   * standard output is redirected; Java 22 and later return one and report it through {@code
   * Console.isTerminal()}, which is called reflectively because the code targets Java 21.
   */
  static boolean isTerminal(Console console) {
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  @Override
  public void onBatch(int epoch, int batch, int batches) {
    if (!terminal) {
      return;
    }
    int filled = (int) ((long) BAR_WIDTH * batch / batches);
    String bar = "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled);
    out.printf(Locale.ROOT, "\repoch %d/%d [%s] %d/%d", epoch, epochs, bar, batch, batches);
    if (batch == batches) {
      out.print("\r" + " ".repeat(BAR_WIDTH + 40) + "\r");
    }
    out.flush();
  }

  @Override
  public void onEpoch(EpochMetrics metrics, double remainingSeconds) {
    out.println(line(metrics, remainingSeconds));
    out.flush();
  }

  /** Formats the metrics line of one epoch. */
  static String line(EpochMetrics metrics, double remainingSeconds) {
    StringBuilder line = new StringBuilder();
    line.append("epoch=").append(metrics.epoch());
    append(line, "train_loss", "%.4f", metrics.trainLoss());
    append(line, "train_accuracy", "%.4f", metrics.trainAccuracy());
    if (metrics.validationLoss() != null) {
      append(line, "validation_loss", "%.4f", metrics.validationLoss());
      append(line, "validation_accuracy", "%.4f", metrics.validationAccuracy());
    }
    append(line, "learning_rate", "%.6f", metrics.learningRate());
    append(line, "elapsed_seconds", "%.1f", metrics.elapsedSeconds());
    append(line, "eta_seconds", "%.1f", remainingSeconds);
    return line.toString();
  }

  /**
   * Formats the final evaluation line, prefixed by its split, for example {@code
   * test_accuracy=0.9412 test_loss=0.1700 test_macro_f1=0.9409
   * test_expected_calibration_error=0.0120}.
   */
  static String finalLine(ClassificationMetrics metrics) {
    String split = metrics.split();
    StringBuilder line = new StringBuilder(split).append("_images=").append(metrics.images());
    append(line, split + "_accuracy", "%.4f", metrics.accuracy());
    append(line, split + "_loss", "%.4f", metrics.loss());
    append(line, split + "_macro_f1", "%.4f", metrics.macroF1());
    append(line, split + "_expected_calibration_error", "%.4f", metrics.expectedCalibrationError());
    return line.toString();
  }

  private static void append(StringBuilder line, String name, String format, double value) {
    line.append(' ').append(name).append('=').append(String.format(Locale.ROOT, format, value));
  }
}
