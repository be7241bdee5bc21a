/**
 * A JPEG decoder in plain Java that decodes at 1/1, 1/2, 1/4 or 1/8 scale without building the
 * full-size image. {@link org.imageclassifier.core.image.jpeg.ScaledJpegDecoder} is the entry
 * point; files it cannot decode throw {@link
 * org.imageclassifier.core.image.jpeg.UnsupportedJpegException} so that the caller can use ImageIO
 * instead.
 */
package org.imageclassifier.core.image.jpeg;
