package org.imageclassifier.core.model;

/**
 * A batch of preprocessed images in one float buffer, NCHW layout.
 *
 * @param data at least {@code count * channels * height * width} floats
 * @param count number of images in the batch
 */
public record TensorBatch(float[] data, int count) {}
