package org.imageclassifier.function;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.imageclassifier.core.Classification;
import org.imageclassifier.core.ImageClassifier;
import org.imageclassifier.core.image.ImageDecodeException;
import org.imageclassifier.core.image.ImageDecoder;
import org.imageclassifier.core.image.PixelBudget;

/**
 * Classifies image files with the bundled model and the pixel budget of this JVM's heap, the way
 * the function does, and prints one line per file: {@code file CLASSIFIED format width height} or
 * {@code file FAILED code}. {@code LargeImageMemoryTest} runs it in a child JVM with a small heap.
 */
final class LargeImageProbe {

  private LargeImageProbe() {}

  /** Classifies each file named on the command line. */
  public static void main(String[] files) throws Exception {
    PixelBudget budget =
        MemoryBudget.pixelBudget(Map.of(), FunctionConfig.DEFAULT_MAX_OBJECT_BYTES);
    try (ImageClassifier classifier = BundledModel.load(new ImageDecoder(budget))) {
      for (String file : files) {
        System.out.println(Path.of(file).getFileName() + " " + classify(classifier, file));
      }
    }
  }

  private static String classify(ImageClassifier classifier, String file) throws Exception {
    try {
      Classification result = classifier.classify(Files.readAllBytes(Path.of(file)));
      return "CLASSIFIED %s %d %d".formatted(result.format(), result.width(), result.height());
    } catch (ImageDecodeException e) {
      return "FAILED " + e.code();
    }
  }
}
