package org.imageclassifier.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import org.imageclassifier.emulators.LocalLambdaContext;
import org.imageclassifier.function.ClassifyHandler;

/**
 * Warm invocations of the classify handler, each a whole S3 event of one record: GetObject, decode,
 * inference, PutObject of the result and the conditional DynamoDB put, against the local servers of
 * {@link LocalServersMain}. Each event carries a newer sequencer, so every invocation classifies
 * and stores. Prints the median and minimum wall and CPU time of the invocations after warm-up.
 *
 * <p>Usage: {@code WarmHandlerMain KEY WARMUP RUNS}. The loopback servers respond faster than S3
 * and DynamoDB in AWS, so the wall time is a lower bound for the I/O part.
 */
public final class WarmHandlerMain {

  private WarmHandlerMain() {}

  /** Runs the invocations; see the class description. */
  public static void main(String[] args) {
    String key = args[0];
    int warmup = Integer.parseInt(args[1]);
    int runs = Integer.parseInt(args[2]);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    var context = new LocalLambdaContext("classify", 1024, Duration.ofSeconds(60));
    try (ClassifyHandler handler = new ClassifyHandler()) {
      for (int i = 0; i < warmup; i++) {
        handler.handleRequest(ColdStartMain.event(key), context);
      }
      double[] wall = new double[runs];
      double[] cpu = new double[runs];
      for (int i = 0; i < runs; i++) {
        var event = ColdStartMain.event(key);
        long startCpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        handler.handleRequest(event, context);
        wall[i] = (System.nanoTime() - start) / 1e6;
        cpu[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
      }
      Arrays.sort(wall);
      Arrays.sort(cpu);
      System.err.printf(
          "%s warm invocation: wall median %.2f min %.2f ms, CPU median %.2f min %.2f ms (%d runs)%n",
          key, wall[runs / 2], wall[0], cpu[runs / 2], cpu[0], runs);
    }
  }
}
