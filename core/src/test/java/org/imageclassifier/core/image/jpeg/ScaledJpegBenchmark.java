package org.imageclassifier.core.image.jpeg;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Benchmark tool, not a test. {@code upscale SOURCE WIDTH HEIGHT NOISE OUT.ppm} writes a PPM of a
 * photo resized with bicubic interpolation, with Gaussian noise of the given standard deviation
 * added to mimic sensor grain; {@code time FILE RUNS} prints the median and minimum time of {@link
 * ScaledJpegDecoder} and of the JDK's ImageIO reader with source subsampling, at 1/8 scale, after
 * warm-up runs.
 */
public final class ScaledJpegBenchmark {

  /** Runs before timing: C2 reaches its final code for these loops after about 50 decodes. */
  private static final int WARMUP_RUNS = 100;

  private ScaledJpegBenchmark() {}

  /** Runs the command named by the first argument. */
  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "upscale" ->
          upscale(
              Path.of(args[1]),
              Integer.parseInt(args[2]),
              Integer.parseInt(args[3]),
              Double.parseDouble(args[4]),
              Path.of(args[5]));
      case "time" -> time(Files.readAllBytes(Path.of(args[1])), Integer.parseInt(args[2]));
      default -> throw new IllegalArgumentException("command must be upscale or time");
    }
  }

  private static void upscale(Path source, int width, int height, double noise, Path out)
      throws IOException {
    BufferedImage photo =
        ImageIO.read(
            new ByteArrayInputStream(
                ReferenceDecoder.withoutIccProfiles(Files.readAllBytes(source))));
    BufferedImage large = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D graphics = large.createGraphics();
    graphics.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    graphics.drawImage(photo, 0, 0, width, height, null);
    graphics.dispose();
    writePpm(large, noise, out);
  }

  private static void writePpm(BufferedImage image, double noise, Path out) throws IOException {
    Random random = new Random(1);
    int width = image.getWidth();
    try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out))) {
      stream.write(
          "P6\n%d %d\n255\n"
              .formatted(width, image.getHeight())
              .getBytes(StandardCharsets.US_ASCII));
      int[] row = new int[width * 3];
      for (int y = 0; y < image.getHeight(); y++) {
        image.getRaster().getPixels(0, y, width, 1, row);
        for (int sample : row) {
          long value = Math.round(sample + noise * random.nextGaussian());
          stream.write((int) Math.min(255, Math.max(0, value)));
        }
      }
    }
  }

  private static void time(byte[] jpeg, int runs) throws Exception {
    ScaledJpegDecoder decoder = new ScaledJpegDecoder(Long.MAX_VALUE);
    report("ScaledJpegDecoder 1/8 RGB", runs, () -> decoder.decode(jpeg, 8, 3));
    report("ScaledJpegDecoder 1/8 gray", runs, () -> decoder.decode(jpeg, 8, 1));
    report("ScaledJpegDecoder 1/4 RGB", runs, () -> decoder.decode(jpeg, 4, 3));
    report("ImageIO JDK reader, subsampling 8", runs, () -> readSubsampled(jpeg, 8));
  }

  private static Object readSubsampled(byte[] jpeg, int step) throws IOException {
    ImageReader reader = ReferenceDecoder.jdkReader();
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
      reader.setInput(input, true, true);
      ImageReadParam param = reader.getDefaultReadParam();
      param.setSourceSubsampling(step, step, 0, 0);
      return reader.read(0, param);
    } finally {
      reader.dispose();
    }
  }

  /** Prints the median and minimum of wall-clock and thread CPU time over {@code runs} runs. */
  private static void report(String name, int runs, Decode decode) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < WARMUP_RUNS; i++) {
      decode.run();
    }
    double[] wall = new double[runs];
    double[] cpu = new double[runs];
    for (int i = 0; i < runs; i++) {
      long startCpu = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      decode.run();
      wall[i] = (System.nanoTime() - start) / 1e6;
      cpu[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    System.out.printf(
        "%-36s wall median %7.2f min %7.2f ms, CPU median %7.2f min %7.2f ms (%d runs)%n",
        name, wall[runs / 2], wall[0], cpu[runs / 2], cpu[0], runs);
  }

  @FunctionalInterface
  private interface Decode {
    Object run() throws Exception;
  }
}
