package org.imageclassifier.training;

import org.imageclassifier.core.model.ModelContract;

/**
 * Training, validation and test images after preprocessing, with the settings that produced them.
 *
 * @param input the model input tensor
 * @param preprocessing resize, scale and the mean and std measured on the training images
 * @param train preprocessed training images
 * @param validation preprocessed validation images, or null without validation
 * @param test preprocessed test images, or null without a test channel
 */
public record PreparedData(
    ModelContract.Input input,
    ModelContract.Preprocessing preprocessing,
    TensorSet train,
    TensorSet validation,
    TensorSet test) {

  /** Returns the images the final evaluation uses: the test images, else the validation images. */
  public TensorSet evaluationSet() {
    return test != null ? test : validation;
  }

  /** Returns {@code test} or {@code validation}, the name of {@link #evaluationSet()}. */
  public String evaluationSplit() {
    return test != null ? "test" : "validation";
  }
}
