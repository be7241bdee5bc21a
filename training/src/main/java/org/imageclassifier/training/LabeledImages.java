package org.imageclassifier.training;

/**
 * Images with one class index per image.
 *
 * @param images the images
 * @param labels class indices in [0, classCount), one per image
 */
public record LabeledImages(IdxImages images, int[] labels) {

  /** Returns the number of images. */
  public int count() {
    return labels.length;
  }
}
