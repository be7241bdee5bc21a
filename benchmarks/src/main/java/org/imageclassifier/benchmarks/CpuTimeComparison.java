package org.imageclassifier.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.imageclassifier.core.ImageClassifier;
import org.imageclassifier.core.model.ModelPackage;
import org.imageclassifier.core.model.OnnxPredictor;

/**
 * The warm path timed by thread CPU time, which other processes on a loaded machine disturb far
 * less than wall-clock time: for each image and pipeline, {@value #WARMUP} warm-up calls (a fifth
 * of that for DJL's pipeline), then the median and minimum CPU and wall time over the given number
 * of calls. Prints one line per image and pipeline: {@code image pipeline cpuMedianMs cpuMinMs
 * wallMedianMs wallMinMs}.
 *
 * <p>Usage: {@code CpuTimeComparison RUNS IMAGE...} with the system properties of {@link
 * BenchmarkFiles}; {@code -Dbench.classifierOnly=true} times this project's classifier only.
 */
public final class CpuTimeComparison {

  /** Calls before timing; C2 reaches its final code for the decoder after about 50 decodes. */
  private static final int WARMUP = 150;

  /** True when the system property {@code bench.classifierOnly} is {@code true}. */
  private static final boolean CLASSIFIER_ONLY = Boolean.getBoolean("bench.classifierOnly");

  private CpuTimeComparison() {}

  /** Times every pipeline on every image; see the class description. */
  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    ModelPackage model = ModelPackage.open(BenchmarkFiles.modelDirectory());
    try (ImageClassifier classifier = ImageClassifier.load(model);
        ImageIoPipeline imageIo = new ImageIoPipeline(OnnxPredictor.load(model));
        DjlPipeline djl = new DjlPipeline(model.directory(), model.contract())) {
      for (String name : Arrays.copyOfRange(args, 1, args.length)) {
        byte[] bytes = BenchmarkFiles.image(name);
        time(name, "classifier", runs, () -> classifier.classify(bytes));
        if (CLASSIFIER_ONLY) {
          continue;
        }
        time(name, "imageIoGraphics2d", runs, () -> imageIo.classify(bytes));
        time(name, "djlDefaultPipeline", Math.max(5, runs / 4), () -> djl.classify(bytes));
      }
    }
  }

  private static void time(String image, String pipeline, int runs, Call call) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int warmup = pipeline.equals("djlDefaultPipeline") ? WARMUP / 5 : WARMUP;
    for (int i = 0; i < warmup; i++) {
      call.run();
    }
    double[] cpu = new double[runs];
    double[] wall = new double[runs];
    for (int i = 0; i < runs; i++) {
      long startCpu = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      call.run();
      wall[i] = (System.nanoTime() - start) / 1e6;
      cpu[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
    }
    Arrays.sort(cpu);
    Arrays.sort(wall);
    System.out.printf(
        "%s %s %.3f %.3f %.3f %.3f%n",
        image, pipeline, cpu[runs / 2], cpu[0], wall[runs / 2], wall[0]);
  }

  @FunctionalInterface
  private interface Call {
    Object run() throws Exception;
  }
}
