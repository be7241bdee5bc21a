package org.imageclassifier.training;

import java.util.List;

/**
 * Where a training run stands, saved in a checkpoint beside the network's parameters so that a
 * restarted job continues from there.
 *
 * @param fingerprint SHA-256 over the settings, the network and the data; a checkpoint is only
 *     resumed by a run with the same fingerprint
 * @param completedEpochs epochs finished
 * @param nextBatch index of the next batch within the current epoch, 0 at an epoch boundary
 * @param lossSum sum of the training loss times the batch size over the current epoch so far
 * @param correct correctly classified training images in the current epoch so far
 * @param seen training images of the current epoch so far
 * @param history metrics of the finished epochs
 * @param elapsedSeconds wall-clock seconds of training so far, over all runs
 */
public record TrainingState(
    String fingerprint,
    int completedEpochs,
    int nextBatch,
    double lossSum,
    int correct,
    int seen,
    List<EpochMetrics> history,
    double elapsedSeconds) {

  /** Creates a state; the history is copied. */
  public TrainingState {
    history = List.copyOf(history);
  }

  /** Returns the state of a run that has not started. */
  public static TrainingState start(String fingerprint) {
    return new TrainingState(fingerprint, 0, 0, 0, 0, 0, List.of(), 0);
  }
}
