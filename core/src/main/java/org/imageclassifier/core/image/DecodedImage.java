package org.imageclassifier.core.image;

/**
 * A decoded image and what is known about its source.
 *
 * @param format the format detected from the bytes
 * @param width width of the stored image in pixels, before any subsampling
 * @param height height of the stored image in pixels, before any subsampling
 * @param orientation EXIF orientation that was applied (1 when the image had none)
 * @param pixels the pixels, possibly subsampled, in the requested channel count
 */
public record DecodedImage(
    ImageFormat format, int width, int height, int orientation, PixelPlanes pixels) {}
