import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The JDK's own ImageIO JPEG reader, timed on any JDK from 17 on as a single-file program (java
 * ImageIoTiming.java FILE RUNS), so that one run compares JDK builds. Debian's OpenJDK 17 links the
 * reader to the system libjpeg-turbo, while Temurin and Corretto bundle plain libjpeg. Prints the median
 * and minimum thread CPU and wall time of a full-size read and of a read with source subsampling
 * 8, after warm-up reads.
 */
public class ImageIoTiming {

  private static final int WARMUP = 20;

  public static void main(String[] args) throws Exception {
    byte[] jpeg = Files.readAllBytes(Path.of(args[0]));
    // Read from memory, as the classifier does, not through ImageIO's temporary-file cache.
    ImageIO.setUseCache(false);
    int runs = Integer.parseInt(args[1]);
    String jdk = System.getProperty("java.vendor") + " " + System.getProperty("java.version");
    time(jdk, "ImageIO.read full size", jpeg, 1, runs);
    time(jdk, "ImageReader subsampling 8", jpeg, 8, runs);
  }

  private static void time(String jdk, String name, byte[] jpeg, int step, int runs)
      throws IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < WARMUP; i++) {
      read(jpeg, step);
    }
    double[] cpu = new double[runs];
    double[] wall = new double[runs];
    for (int i = 0; i < runs; i++) {
      long startCpu = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      read(jpeg, step);
      wall[i] = (System.nanoTime() - start) / 1e6;
      cpu[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
    }
    Arrays.sort(cpu);
    Arrays.sort(wall);
    System.out.printf(
        "%s | %s | cpu median %.2f min %.2f ms | wall median %.2f min %.2f ms | %d runs%n",
        jdk, name, cpu[runs / 2], cpu[0], wall[runs / 2], wall[0], runs);
  }

  private static Object read(byte[] jpeg, int step) throws IOException {
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
      ImageReader reader = ImageIO.getImageReaders(input).next();
      try {
        reader.setInput(input, true, true);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        return reader.read(0, param);
      } finally {
        reader.dispose();
      }
    }
  }
}
