package org.imageclassifier.core.model;

/** Thrown when the inference engine fails on valid input; the cause comes from the engine. */
public class InferenceException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message and the engine's exception. */
  public InferenceException(String message, Throwable cause) {
    super(message, cause);
  }
}
