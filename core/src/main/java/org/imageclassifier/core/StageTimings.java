package org.imageclassifier.core;

/**
 * Time spent in each stage of one classification, in milliseconds.
 *
 * @param decodeMs decoding the bytes into pixels
 * @param preprocessMs resizing and normalising the pixels into the input tensor
 * @param inferenceMs running the model, shared by all images of a batch
 */
public record StageTimings(double decodeMs, double preprocessMs, double inferenceMs) {}
