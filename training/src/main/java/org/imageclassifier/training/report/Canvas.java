package org.imageclassifier.training.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A white RGB image with a Java2D pen, for the report's plots. Java2D runs headless here: the
 * {@code java.awt.headless} property is set before the first image is made, so no display is
 * needed, but text needs fonts known to fontconfig.
 */
final class Canvas implements AutoCloseable {

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private final BufferedImage image;
  private final Graphics2D graphics;

  /** Creates a white canvas of {@code width} x {@code height} pixels. */
  Canvas(int width, int height) {
    image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    graphics = image.createGraphics();
    graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    graphics.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, width, height);
    graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
  }

  Graphics2D graphics() {
    return graphics;
  }

  /** Draws text with its left end at x and its baseline at y. */
  void text(String text, double x, double y, Color color) {
    graphics.setColor(color);
    graphics.drawString(text, (float) x, (float) y);
  }

  /** Draws text centred on x, with its baseline at y. */
  void centredText(String text, double x, double y, Color color) {
    FontMetrics metrics = graphics.getFontMetrics();
    text(text, x - metrics.stringWidth(text) / 2.0, y, color);
  }

  /** Draws text ending at x, with its baseline at y. */
  void rightText(String text, double x, double y, Color color) {
    FontMetrics metrics = graphics.getFontMetrics();
    text(text, x - metrics.stringWidth(text), y, color);
  }

  /** Sets the colour and line width of the lines that follow. */
  void pen(Color color, float width) {
    graphics.setColor(color);
    graphics.setStroke(new BasicStroke(width));
  }

  /** Writes the image as PNG. */
  void save(Path file) throws IOException {
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("No PNG writer available for " + file);
    }
  }

  @Override
  public void close() {
    graphics.dispose();
  }
}
