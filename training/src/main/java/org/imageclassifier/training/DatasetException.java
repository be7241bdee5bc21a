package org.imageclassifier.training;

import java.io.IOException;

/** Thrown when a data channel is missing, empty or contains data the job cannot use. */
public class DatasetException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the channel or file and the fix. */
  public DatasetException(String message) {
    super(message);
  }

  /** Creates the exception with its cause. */
  public DatasetException(String message, Throwable cause) {
    super(message, cause);
  }
}
