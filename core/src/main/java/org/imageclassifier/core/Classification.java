package org.imageclassifier.core;

import java.util.List;
import org.imageclassifier.core.image.ImageFormat;

/**
 * The outcome of classifying one image.
 *
 * @param format the image format detected from the bytes
 * @param width image width in pixels as displayed, after the EXIF orientation
 * @param height image height in pixels as displayed, after the EXIF orientation
 * @param orientation EXIF orientation that was applied, 1 when none
 * @param topK labels with the highest probabilities, best first
 * @param timings time per stage
 */
public record Classification(
    ImageFormat format,
    int width,
    int height,
    int orientation,
    List<LabelProbability> topK,
    StageTimings timings) {

  /** Creates a classification; {@code topK} must not be empty. */
  public Classification {
    topK = List.copyOf(topK);
    if (topK.isEmpty()) {
      throw new IllegalArgumentException("topK must contain at least one label");
    }
  }

  /** Returns the most probable label. */
  public String label() {
    return topK.getFirst().label();
  }

  /** Returns the probability of the most probable label. */
  public float confidence() {
    return topK.getFirst().probability();
  }
}
