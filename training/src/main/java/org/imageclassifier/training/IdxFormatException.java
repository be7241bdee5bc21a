package org.imageclassifier.training;

/** Thrown when a file is not a valid IDX file of the expected kind; the message names the file. */
public class IdxFormatException extends DatasetException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the file and the rule it breaks. */
  public IdxFormatException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the I/O error behind it. */
  public IdxFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
