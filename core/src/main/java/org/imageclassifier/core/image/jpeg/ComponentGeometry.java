package org.imageclassifier.core.image.jpeg;

/**
 * Block grid and output size of one component at a given scale.
 *
 * @param blocksPerLine blocks per row, padded to whole MCUs
 * @param blocksPerColumn blocks per column, padded to whole MCUs
 * @param usedBlocksPerLine blocks per row that hold image samples
 * @param usedBlocksPerColumn blocks per column that hold image samples
 * @param blockWidth output samples per block row (1, 2, 4 or 8), 0 when not in the output
 * @param blockHeight output rows per block (1, 2, 4 or 8), 0 when not in the output
 * @param repeatX how often each output sample repeats horizontally: 1, 2 or 4
 * @param repeatY how often each output sample repeats vertically: 1, 2 or 4
 */
record ComponentGeometry(
    int blocksPerLine,
    int blocksPerColumn,
    int usedBlocksPerLine,
    int usedBlocksPerColumn,
    int blockWidth,
    int blockHeight,
    int repeatX,
    int repeatY) {}
