package org.imageclassifier.training.publish;

import java.io.IOException;

/** Thrown when a model version is already published and may not be overwritten. */
public final class VersionExistsException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception for the existing model.json. */
  public VersionExistsException(String bucket, String key) {
    super(
        ("s3://%s/%s exists: this model version is already published. Train with a new"
                + " model_version, or pass --replace to overwrite it.")
            .formatted(bucket, key));
  }
}
