package org.imageclassifier.core;

/**
 * One class label and its probability.
 *
 * @param label the class label from model.json
 * @param probability probability in [0, 1]
 */
public record LabelProbability(String label, float probability) {}
