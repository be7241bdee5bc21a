package org.imageclassifier.benchmarks;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.imageclassifier.core.BatchOutcome;
import org.imageclassifier.core.ImageClassifier;
import org.imageclassifier.core.model.ModelPackage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of 28x28 PNG images on one thread: {@link ImageClassifier#classifyAll} with one
 * inference call per batch, against one {@link ImageClassifier#classify} call per image. Images per
 * second per core is the score (calls per second) times the batch size. ONNX Runtime runs with
 * DJL's default threading; the model is small enough that one call uses one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
public class BatchBenchmark {

  /** Images per call. */
  @Param({"1", "10", "32"})
  public int batchSize;

  private ImageClassifier classifier;
  private List<byte[]> images;

  /** Loads the model and repeats the test image {@link #batchSize} times. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    classifier = ImageClassifier.load(ModelPackage.open(BenchmarkFiles.modelDirectory()));
    images = Collections.nCopies(batchSize, BenchmarkFiles.image("fashion-28.png"));
  }

  /** Closes the model. */
  @TearDown(Level.Trial)
  public void tearDown() {
    classifier.close();
  }

  /** Classifies the batch with one inference call. */
  @Benchmark
  public List<BatchOutcome> classifyAll() throws Exception {
    return classifier.classifyAll(images);
  }

  /** Classifies the batch with one inference call per image. */
  @Benchmark
  public void classifyEach(Blackhole blackhole) throws Exception {
    for (byte[] image : images) {
      blackhole.consume(classifier.classify(image));
    }
  }
}
