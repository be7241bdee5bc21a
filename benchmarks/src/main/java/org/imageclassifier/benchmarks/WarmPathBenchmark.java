package org.imageclassifier.benchmarks;

import ai.djl.modality.Classifications;
import java.util.concurrent.TimeUnit;
import org.imageclassifier.core.Classification;
import org.imageclassifier.core.ImageClassifier;
import org.imageclassifier.core.model.ModelPackage;
import org.imageclassifier.core.model.OnnxPredictor;
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

/**
 * Warm path, encoded bytes in memory to probabilities, one image per call on one thread: this
 * project's classifier against DJL's default image pipeline and against ImageIO with Graphics2D
 * scaling. All three run the same ONNX model on DJL's OnnxRuntime engine, so the differences are
 * decoding and preprocessing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Dai.djl.offline=true", "-Xmx2g"})
public class WarmPathBenchmark {

  /** The test image, a file name in the folder of {@link BenchmarkFiles#IMAGES_PROPERTY}. */
  @Param({"photo-12mp.jpg", "photo-1mp.jpg", "fashion-28.png"})
  public String image;

  private byte[] bytes;
  private ImageClassifier classifier;
  private ImageIoPipeline imageIo;
  private DjlPipeline djl;

  /** Loads the model three ways and reads the image. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    bytes = BenchmarkFiles.image(image);
    ModelPackage model = ModelPackage.open(BenchmarkFiles.modelDirectory());
    classifier = ImageClassifier.load(model);
    imageIo = new ImageIoPipeline(OnnxPredictor.load(model));
    djl = new DjlPipeline(model.directory(), model.contract());
  }

  /** Closes the models. */
  @TearDown(Level.Trial)
  public void tearDown() {
    classifier.close();
    imageIo.close();
    djl.close();
  }

  /** Classifies with this project's classifier: scaled JPEG decode, plain-Java preprocessing. */
  @Benchmark
  public Classification classifier() throws Exception {
    return classifier.classify(bytes);
  }

  /** Classifies after {@code ImageIO.read} at full size and Graphics2D bilinear scaling. */
  @Benchmark
  public float[] imageIoGraphics2d() throws Exception {
    return imageIo.classify(bytes);
  }

  /** Classifies through DJL's ImageFactory, Resize, ToTensor and normalisation. */
  @Benchmark
  public Classifications djlDefaultPipeline() throws Exception {
    return djl.classify(bytes);
  }
}
