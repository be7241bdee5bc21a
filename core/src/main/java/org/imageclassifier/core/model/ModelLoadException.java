package org.imageclassifier.core.model;

/**
 * Thrown when a model cannot be loaded or disagrees with its contract. This is a deployment error:
 * the function fails at init instead of serving wrong labels.
 */
public class ModelLoadException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the file or field and the fix. */
  public ModelLoadException(String message) {
    super(message);
  }

  /** Creates the exception with a message and its cause. */
  public ModelLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
