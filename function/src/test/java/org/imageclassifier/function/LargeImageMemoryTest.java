package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Classifies large images in a child JVM with {@value #HEAP} of heap: a 50-megapixel JPEG, which
 * the decoder reads with subsampling, and the header of a 30-megapixel TIFF, which the pixel budget
 * of that heap rejects because the TIFF reader would decompress the whole strip.
 */
class LargeImageMemoryTest {

  private static final String HEAP = "-Xmx400m";
  private static final int WIDTH = 8660;
  private static final int HEIGHT = 5774;

  @TempDir Path folder;

  @Test
  void fiftyMegapixelJpegClassifies() throws Exception {
    Path jpeg = folder.resolve("fifty-megapixels.jpg");
    ImageIO.write(gradient(), "jpeg", jpeg.toFile());
    Path tiff = folder.resolve("thirty-megapixels.tif");
    Files.write(tiff, tiffHeader(6000, 5000));

    List<String> lines = runProbe(jpeg, tiff);

    assertThat(lines)
        .contains(
            "fifty-megapixels.jpg CLASSIFIED JPEG %d %d".formatted(WIDTH, HEIGHT),
            "thirty-megapixels.tif FAILED IMAGE_TOO_LARGE");
  }

  private static BufferedImage gradient() {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D graphics = image.createGraphics();
    graphics.setPaint(new GradientPaint(0, 0, Color.DARK_GRAY, WIDTH, HEIGHT, Color.ORANGE));
    graphics.fillRect(0, 0, WIDTH, HEIGHT);
    graphics.dispose();
    return image;
  }

  /** Returns a little-endian TIFF header of an 8-bit gray image in one uncompressed strip. */
  private static byte[] tiffHeader(int width, int height) {
    int[][] entries = {
      {256, 4, width},
      {257, 4, height},
      {258, 3, 8},
      {259, 3, 1},
      {262, 3, 1},
      {273, 4, 200},
      {277, 3, 1},
      {278, 4, height},
      {279, 4, width * height}
    };
    ByteBuffer tiff = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
    tiff.put("II".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
    tiff.putShort((short) entries.length);
    for (int[] entry : entries) {
      tiff.putShort((short) entry[0]).putShort((short) entry[1]).putInt(1).putInt(entry[2]);
    }
    return tiff.putInt(0).array();
  }

  private static List<String> runProbe(Path... files) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                java.toString(),
                HEAP,
                "-cp",
                System.getProperty("java.class.path"),
                LargeImageProbe.class.getName()));
    for (Path file : files) {
      command.add(file.toString());
    }
    Path output = Files.createTempFile("large-image-probe-", ".log");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    boolean finished = process.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    String log = Files.readString(output);
    Files.delete(output);
    assertThat(finished).as("probe finished within 5 minutes: %s", log).isTrue();
    assertThat(process.exitValue()).as("probe exit code, output: %s", log).isZero();
    return log.lines().toList();
  }
}
