package org.imageclassifier.core.image.jpeg;

/** The zigzag scan order of the 64 DCT coefficients of a block (ITU-T T.81 figure A.6). */
final class ZigZag {

  /** Natural (row-major) index of the coefficient at each zigzag index. */
  static final int[] NATURAL_ORDER = {
    0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20,
    13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59,
    52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63
  };

  private ZigZag() {}

  /**
   * Returns how many leading zigzag coefficients cover the top-left {@code rows x columns}
   * frequencies of a block: one more than the largest zigzag index among them.
   */
  static int prefixCovering(int columns, int rows) {
    int count = 0;
    for (int k = 0; k < 64; k++) {
      int natural = NATURAL_ORDER[k];
      if (natural / 8 < rows && natural % 8 < columns) {
        count = k + 1;
      }
    }
    return count;
  }
}
