package org.imageclassifier.training.publish;

import java.io.IOException;

/** Thrown when a model archive is malformed or contains no valid model folder. */
public final class ArchiveException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the problem and the fix. */
  public ArchiveException(String message) {
    super(message);
  }

  /** Creates the exception with its cause. */
  public ArchiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
