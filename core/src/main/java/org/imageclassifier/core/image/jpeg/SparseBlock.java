package org.imageclassifier.core.image.jpeg;

/**
 * The non-zero coefficients of one block as (zigzag index, dequantized value) pairs. Most blocks of
 * a photo have a handful, so the reduced-size transform visits only those.
 */
final class SparseBlock {

  final int[] indices = new int[64];
  final int[] values = new int[64];
  int count;

  /** Starts a new block with its dequantized DC coefficient. */
  void reset(int dequantizedDc) {
    indices[0] = 0;
    values[0] = dequantizedDc;
    count = 1;
  }

  /** Appends a coefficient. Callers add each zigzag index at most once per block. */
  void add(int zigzagIndex, int dequantizedValue) {
    indices[count] = zigzagIndex;
    values[count] = dequantizedValue;
    count++;
  }
}
