package org.imageclassifier.core.image;

/**
 * A decoded image and what is known about its source.
 *
 * @param format the format detected from the bytes
 * @param width width in pixels as displayed, after the EXIF orientation and before any subsampling
 * @param height height in pixels as displayed, after the EXIF orientation and before any
 *     subsampling
 * @param orientation EXIF orientation that was applied (1 when the image had none)
 * @param pixels the pixels, possibly subsampled, in the requested channel count
 */
public record DecodedImage(
    ImageFormat format, int width, int height, int orientation, PixelPlanes pixels) {}
