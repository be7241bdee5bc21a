package org.imageclassifier.training;

import java.util.Map;
import org.imageclassifier.core.model.ModelContract;

/**
 * Training and test images after preprocessing, with the settings that produced them.
 *
 * @param input the model input tensor
 * @param preprocessing resize, scale and the mean and std measured on the training images
 * @param train preprocessed training images
 * @param test preprocessed test images
 * @param checksums SHA-256 of each IDX file, by file name
 */
public record PreparedData(
    ModelContract.Input input,
    ModelContract.Preprocessing preprocessing,
    TensorSet train,
    TensorSet test,
    Map<String, String> checksums) {}
