package org.imageclassifier.core.image;

/**
 * Reason an image was rejected. Every code is a permanent failure: the same bytes fail the same
 * way, so a rejected image is recorded and never retried.
 */
public enum ErrorCode {
  /** The input has no bytes. */
  EMPTY_IMAGE,
  /** The bytes do not start like any image format (text, PDF, archives). */
  NOT_AN_IMAGE,
  /** The bytes are an image format that this decoder cannot read, such as HEIC or AVIF. */
  UNSUPPORTED_FORMAT,
  /** The image is damaged or truncated and cannot be decoded. */
  CORRUPT_IMAGE,
  /** The header declares more pixels than the pixel budget allows. */
  IMAGE_TOO_LARGE
}
