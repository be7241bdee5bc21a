package org.imageclassifier.training;

/**
 * Loss and accuracy of a network on a set of images.
 *
 * @param loss mean softmax cross-entropy, in nats
 * @param accuracy fraction of images whose top logit is the true class, in [0, 1]
 */
public record Evaluation(double loss, double accuracy) {}
