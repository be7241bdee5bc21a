package org.imageclassifier.training;

/**
 * Metrics of one training epoch.
 *
 * @param epoch epoch number, from 1
 * @param trainLoss mean training loss over the epoch's batches, weighted by batch size
 * @param trainAccuracy training accuracy over the epoch, measured while the weights changed
 * @param testLoss loss on the test set after the epoch
 * @param testAccuracy accuracy on the test set after the epoch
 * @param elapsedSeconds wall-clock seconds since training started
 */
public record EpochMetrics(
    int epoch,
    double trainLoss,
    double trainAccuracy,
    double testLoss,
    double testAccuracy,
    double elapsedSeconds) {}
