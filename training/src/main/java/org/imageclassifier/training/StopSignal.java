package org.imageclassifier.training;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request to stop training early, set from another thread (the SIGTERM shutdown hook). The
 * training loop checks it after every optimiser step, saves a checkpoint and stops.
 */
public final class StopSignal {

  private final AtomicBoolean requested = new AtomicBoolean();

  /** Asks the training loop to save a checkpoint and stop. */
  public void request() {
    requested.set(true);
  }

  /** Returns whether a stop was requested. */
  public boolean requested() {
    return requested.get();
  }
}
