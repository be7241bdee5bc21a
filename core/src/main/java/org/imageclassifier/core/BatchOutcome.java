package org.imageclassifier.core;

import java.util.Objects;
import org.imageclassifier.core.image.ImageDecodeException;

/**
 * The outcome of one image of a batch: its classification, or the reason its bytes could not be
 * decoded. Exactly one of the two is non-null.
 *
 * @param classification the classification, or null when the image was rejected
 * @param failure why the image could not be decoded (a permanent failure), or null when it was
 *     classified
 */
public record BatchOutcome(Classification classification, ImageDecodeException failure) {

  /** Creates an outcome; exactly one argument must be non-null. */
  public BatchOutcome {
    if ((classification == null) == (failure == null)) {
      throw new IllegalArgumentException(
          "exactly one of classification and failure must be set, got "
              + classification
              + " and "
              + failure);
    }
  }

  /** Returns the outcome of a classified image. */
  public static BatchOutcome classified(Classification classification) {
    return new BatchOutcome(Objects.requireNonNull(classification, "classification"), null);
  }

  /** Returns the outcome of an image whose bytes could not be decoded. */
  public static BatchOutcome rejected(ImageDecodeException failure) {
    return new BatchOutcome(null, Objects.requireNonNull(failure, "failure"));
  }

  /** Returns whether the image was classified. */
  public boolean isClassified() {
    return classification != null;
  }
}
