package org.imageclassifier.core.image;

/**
 * The largest image, in pixels (width x height as the header declares it), that the decoder
 * accepts, per format. Checked before any pixel buffer exists.
 *
 * <p>Two kinds of readers need different limits. The JPEG, PNG and GIF readers decode row by row
 * and keep only the subsampled rows, so their heap use hardly grows with the image: their limit
 * bounds decoding time. The TIFF, WebP and BMP readers build buffers of the full resolution
 * whatever the subsampling: a TIFF strip or tile is decompressed whole, lossless WebP and the alpha
 * plane of lossy WebP become a full-size ARGB raster, and RLE-compressed BMP a full-size index
 * array. Their limit follows from the heap, at {@value #FULL_RESOLUTION_BYTES_PER_PIXEL} bytes per
 * pixel.
 *
 * @param streamedMaxPixels limit for JPEG, PNG and GIF, at least 1
 * @param fullResolutionMaxPixels limit for TIFF and BMP, at least 1
 * @param webpMaxPixels limit for WebP, at least 1
 */
public record PixelBudget(
    long streamedMaxPixels, long fullResolutionMaxPixels, long webpMaxPixels) {

  /**
   * Default limit: 100 megapixels. Decoding time grows with the pixel count even with subsampling,
   * so this also bounds the time spent on one image.
   */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

  /**
   * Heap that a full-resolution reader needs per declared pixel, in bytes, with a margin. Measured
   * with javax.imageio and TwelveMonkeys 3.14 on 4000x3000 images (JDK 25) as the smallest -Xmx
   * that decoded the file, less two copies of the file: 8.3 bytes per pixel for a single-strip TIFF
   * with JPEG or LZW compression, 6.2 for WebP with alpha, 3.9 for lossless WebP and 3.6 for 8-bit
   * RLE BMP.
   */
  public static final int FULL_RESOLUTION_BYTES_PER_PIXEL = 12;

  /**
   * Largest WebP limit that {@link #forHeap} sets: 25 megapixels. The TwelveMonkeys lossy WebP
   * decoder takes about 0.5 s per megapixel (measured on a 4000x3000 image, one core of a 2-core
   * x86_64 VM), so larger images would take most of a function's timeout.
   */
  public static final long WEBP_MAX_PIXELS = 25_000_000L;

  /** Creates a budget after checking that every limit is positive. */
  public PixelBudget {
    requirePositive(streamedMaxPixels, "streamedMaxPixels");
    requirePositive(fullResolutionMaxPixels, "fullResolutionMaxPixels");
    requirePositive(webpMaxPixels, "webpMaxPixels");
  }

  /** Returns a budget with the same limit for every format. */
  public static PixelBudget uniform(long maxPixels) {
    return new PixelBudget(maxPixels, maxPixels, maxPixels);
  }

  /**
   * Returns the budget for the heap that decoding may use: {@link #DEFAULT_MAX_PIXELS} for the
   * streamed formats, and for the full-resolution formats the pixels whose buffers fit the heap, at
   * most {@link #DEFAULT_MAX_PIXELS} for TIFF and BMP and {@link #WEBP_MAX_PIXELS} for WebP.
   *
   * @param decodeHeapBytes heap available to one decode, in bytes; values under 1 MiB count as 1
   *     MiB
   */
  public static PixelBudget forHeap(long decodeHeapBytes) {
    long heap = Math.max(decodeHeapBytes, 1L << 20);
    long fullResolution = Math.min(DEFAULT_MAX_PIXELS, heap / FULL_RESOLUTION_BYTES_PER_PIXEL);
    return new PixelBudget(
        DEFAULT_MAX_PIXELS, fullResolution, Math.min(fullResolution, WEBP_MAX_PIXELS));
  }

  /** Returns the limit for images of a format. */
  public long maxPixels(ImageFormat format) {
    return switch (format) {
      case WEBP -> webpMaxPixels;
      case TIFF, BMP -> fullResolutionMaxPixels;
      default -> streamedMaxPixels;
    };
  }

  private static void requirePositive(long value, String field) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be positive, was " + value);
    }
  }
}
