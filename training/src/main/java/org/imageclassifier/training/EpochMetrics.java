package org.imageclassifier.training;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Metrics of one training epoch.
 *
 * @param epoch epoch number, from 1
 * @param trainLoss mean training loss over the epoch's batches, weighted by batch size, measured on
 *     augmented images while the weights changed
 * @param trainAccuracy training accuracy over the epoch, measured like {@code trainLoss}
 * @param validationLoss loss on the validation images after the epoch, or null without validation
 * @param validationAccuracy accuracy on the validation images after the epoch, or null without
 *     validation
 * @param learningRate learning rate of the epoch's last step
 * @param elapsedSeconds wall-clock seconds of training up to the end of this epoch, summed over
 *     resumed runs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EpochMetrics(
    int epoch,
    double trainLoss,
    double trainAccuracy,
    Double validationLoss,
    Double validationAccuracy,
    double learningRate,
    double elapsedSeconds) {}
