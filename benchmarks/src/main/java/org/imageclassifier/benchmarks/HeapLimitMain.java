package org.imageclassifier.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.imageclassifier.core.ImageClassifier;
import org.imageclassifier.core.model.ModelPackage;
import org.imageclassifier.core.model.OnnxPredictor;

/**
 * Classifies one image file repeatedly, for runs under a small {@code -Xmx}: the smallest heap
 * under which this program finishes bounds the live heap that a classification needs, the loaded
 * model and the JVM's own objects included. Prints the heap in use after a full GC before the first
 * classification.
 *
 * <p>Usage: {@code HeapLimitMain MODEL_DIR IMAGE COUNT PIPELINE}, where PIPELINE is {@code
 * classifier} (this project's) or {@code imageio} (ImageIO.read and Graphics2D, for contrast).
 */
public final class HeapLimitMain {

  private HeapLimitMain() {}

  /** Classifies the image; see the class description. */
  public static void main(String[] args) throws Exception {
    byte[] bytes = Files.readAllBytes(Path.of(args[1]));
    int count = Integer.parseInt(args[2]);
    ModelPackage model = ModelPackage.open(Path.of(args[0]));
    try (ImageClassifier classifier = ImageClassifier.load(model);
        ImageIoPipeline imageIo = new ImageIoPipeline(OnnxPredictor.load(model))) {
      System.gc();
      Runtime runtime = Runtime.getRuntime();
      long baseline = runtime.totalMemory() - runtime.freeMemory();
      for (int i = 0; i < count; i++) {
        Object result =
            args[3].equals("imageio") ? imageIo.classify(bytes) : classifier.classify(bytes);
        Objects.requireNonNull(result);
      }
      System.out.printf(
          "%s: %d classifications, heap in use before them %.1f MiB%n",
          args[3], count, baseline / 1048576.0);
    }
  }
}
