package org.imageclassifier.core.image.jpeg;

/**
 * Decoding state of one component: its block grid, where its reduced-size samples go, and, in a
 * progressive file, its stored coefficients. Fields are mutable and owned by one decode call.
 */
final class FrameComponent {

  final JpegComponent spec;

  /** Blocks per row and column, padded to whole MCUs as interleaved scans code them. */
  final int blocksPerLine;

  final int blocksPerColumn;

  /** Blocks per row and column that hold image samples, as non-interleaved scans code them. */
  final int usedBlocksPerLine;

  final int usedBlocksPerColumn;

  /** Output samples per block row and column: 1, 2, 4 or 8; 0 when the output skips it. */
  final int blockWidth;

  final int blockHeight;

  /** How many times each sample repeats per axis in the output, as log2: 0, 1 or 2. */
  final int repeatShiftX;

  final int repeatShiftY;

  /** Number of leading zigzag coefficients the scaled IDCT reads; 0 when not in the output. */
  final int coefficientLimit;

  /** Samples at reduced size, {@link #planeWidth} per row; null when not in the output. */
  final float[] plane;

  final int planeWidth;

  /** Quantizer steps in zigzag order, copied when the first scan of this component starts. */
  int[] quantizers;

  HuffmanTable dcTable;
  HuffmanTable acTable;
  int dcPredictor;

  /** Whether a scan has coded this component (the DC of a progressive file). */
  boolean scanned;

  /** Progressive files: {@link #coefficientLimit} raw coefficients per block, else null. */
  short[] coefficients;

  /** Progressive files: per block, bit k is set once the zigzag coefficient k is non-zero. */
  long[] nonZero;

  FrameComponent(JpegComponent spec, ComponentGeometry geometry) {
    this.spec = spec;
    blocksPerLine = geometry.blocksPerLine();
    blocksPerColumn = geometry.blocksPerColumn();
    usedBlocksPerLine = geometry.usedBlocksPerLine();
    usedBlocksPerColumn = geometry.usedBlocksPerColumn();
    blockWidth = geometry.blockWidth();
    blockHeight = geometry.blockHeight();
    repeatShiftX = Integer.numberOfTrailingZeros(geometry.repeatX());
    repeatShiftY = Integer.numberOfTrailingZeros(geometry.repeatY());
    coefficientLimit =
        blockWidth == 0
            ? 0
            : ZigZag.prefixCovering(
                ScaledIdct.frequenciesRead(blockWidth), ScaledIdct.frequenciesRead(blockHeight));
    planeWidth = blocksPerLine * blockWidth;
    plane = blockWidth == 0 ? null : new float[planeWidth * blocksPerColumn * blockHeight];
  }

  /** Returns whether the output uses this component's samples. */
  boolean inOutput() {
    return plane != null;
  }

  /** Allocates the coefficient store of a progressive file. */
  void allocateCoefficients() {
    int blocks = blocksPerLine * blocksPerColumn;
    coefficients = new short[blocks * coefficientLimit];
    if (coefficientLimit > 1) {
      nonZero = new long[blocks];
    }
  }

  /** Returns the offset of a block's top-left sample in {@link #plane}. */
  int planeOffset(int blockRow, int blockColumn) {
    return blockRow * blockHeight * planeWidth + blockColumn * blockWidth;
  }
}
