package org.imageclassifier.training;

import java.io.IOException;
import java.nio.file.Path;

/** Thrown when a checkpoint folder holds a checkpoint of a run with other settings or data. */
public final class CheckpointMismatchException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception for a folder and the two fingerprints. */
  public CheckpointMismatchException(Path directory, String saved, String current) {
    super(
        ("The checkpoint in %s belongs to another run (fingerprint %s, this run %s): its"
                + " hyperparameters, network or data differ. Empty the checkpoint folder or give"
                + " the job a new checkpoint location.")
            .formatted(directory, saved, current));
  }
}
