package org.imageclassifier.core.image.jpeg;

import org.imageclassifier.core.image.ErrorCode;
import org.imageclassifier.core.image.ImageDecodeException;

/** Builds the exceptions that the decoder throws for damaged files. */
final class JpegErrors {

  private JpegErrors() {}

  /** Returns a {@link ErrorCode#CORRUPT_IMAGE} exception whose message ends with the detail. */
  static ImageDecodeException corrupt(String detail) {
    return new ImageDecodeException(
        ErrorCode.CORRUPT_IMAGE, "The JPEG image is damaged: " + detail);
  }

  /** Returns the exception for entropy-coded data that ends before the last block. */
  static ImageDecodeException truncated() {
    return corrupt("the compressed data ends before the last block");
  }
}
