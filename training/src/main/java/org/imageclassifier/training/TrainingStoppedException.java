package org.imageclassifier.training;

/** Thrown when training stopped on request after saving a checkpoint. */
public final class TrainingStoppedException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Creates the exception for the epoch and batch the checkpoint resumes at. */
  public TrainingStoppedException(int epoch, int batch) {
    super(
        "Training stopped on request; the checkpoint resumes at epoch %d, batch %d"
            .formatted(epoch, batch));
  }
}
