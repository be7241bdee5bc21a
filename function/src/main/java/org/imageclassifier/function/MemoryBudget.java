package org.imageclassifier.function;

import java.util.Map;
import org.imageclassifier.core.image.PixelBudget;

/**
 * Derives the decoder's pixel budget from the memory of the execution environment. The heap is the
 * JVM's maximum heap ({@link Runtime#maxMemory()}), capped by the function's memory size ({@value
 * #MEMORY_SIZE_VARIABLE}, set by Lambda) when that is smaller. Decoding may use what remains after
 * {@link #RESERVED_BYTES} for the runtime, the SDK clients and the model, and two copies of the
 * largest object (the download buffer and the array it returns are both alive when a download
 * completes).
 *
 * <p>With the defaults (20 MiB objects), a 400 MiB heap leaves 232 MiB to decode: TIFF and BMP up
 * to 20 megapixels, WebP likewise, and JPEG, PNG and GIF up to 100 megapixels, which they decode
 * row by row with subsampling.
 */
public final class MemoryBudget {

  /** Environment variable with the function's memory size in MB, set by the Lambda runtime. */
  public static final String MEMORY_SIZE_VARIABLE = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";

  /** Heap kept free for everything but decoding: 128 MiB. */
  public static final long RESERVED_BYTES = 128L << 20;

  private MemoryBudget() {}

  /**
   * Returns the pixel budget for this JVM and the function memory in the environment.
   *
   * @param environment the variables, normally {@link System#getenv()}
   * @param maxObjectBytes the largest object that is downloaded, in bytes
   */
  public static PixelBudget pixelBudget(Map<String, String> environment, long maxObjectBytes) {
    return pixelBudget(heapBytes(environment), maxObjectBytes);
  }

  /**
   * Returns the pixel budget for a heap size.
   *
   * @param heapBytes the heap the function may use, in bytes
   * @param maxObjectBytes the largest object that is downloaded, in bytes
   */
  public static PixelBudget pixelBudget(long heapBytes, long maxObjectBytes) {
    return PixelBudget.forHeap(heapBytes - RESERVED_BYTES - 2 * maxObjectBytes);
  }

  /**
   * Returns the heap the function may use: {@link Runtime#maxMemory()}, or the function's memory
   * size when the environment sets a smaller one.
   *
   * @throws IllegalArgumentException when the memory size variable is not a whole number
   */
  static long heapBytes(Map<String, String> environment) {
    long heap = Runtime.getRuntime().maxMemory();
    String megabytes = environment.get(MEMORY_SIZE_VARIABLE);
    if (megabytes == null || megabytes.isBlank()) {
      return heap;
    }
    try {
      return Math.min(heap, Long.parseLong(megabytes.strip()) << 20);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "%s must be a whole number of MB, was '%s'. Lambda sets it from the function's MemorySize"
              .formatted(MEMORY_SIZE_VARIABLE, megabytes),
          e);
    }
  }
}
