package org.imageclassifier.core.image.jpeg;

import org.imageclassifier.core.image.ImageDecodeException;

/**
 * Decodes a progressive AC scan of one component (ITU-T T.81 section G.1.2.2), first or refinement,
 * into the component's coefficient store. Coefficients at or past the store's limit keep only their
 * non-zero flag, which refinement scans need to parse the stream. The layout in {@link Frame} makes
 * that limit 64 for every component whose AC scans are decoded, so that case does not arise today.
 */
final class ProgressiveAcDecoder extends ScanDecoder {

  private final int spectralStart;
  private final int spectralEnd;
  private final boolean refinement;
  private final int plusOne;
  private final int minusOne;

  /** Blocks left in the current end-of-band run, including none of the current block. */
  private int endOfBandRun;

  ProgressiveAcDecoder(ScanContext context, int[] spectralRange, boolean refinement, int low) {
    super(context);
    this.spectralStart = spectralRange[0];
    this.spectralEnd = spectralRange[1];
    this.refinement = refinement;
    this.plusOne = 1 << low;
    this.minusOne = -1 << low;
  }

  @Override
  void resetState() {
    super.resetState();
    endOfBandRun = 0;
  }

  @Override
  void decodeBlock(FrameComponent component, int blockRow, int blockColumn)
      throws ImageDecodeException {
    int block = blockRow * component.blocksPerLine + blockColumn;
    if (refinement) {
      refine(component, block);
    } else {
      decodeFirst(component, block);
    }
  }

  private void decodeFirst(FrameComponent component, int block) throws ImageDecodeException {
    if (endOfBandRun > 0) {
      endOfBandRun--;
      return;
    }
    for (int k = spectralStart; k <= spectralEnd; k++) {
      int symbol = reader.decodeSymbol(component.acTable);
      int run = symbol >>> 4;
      int size = symbol & 15;
      if (size == 0) {
        if (run < 15) {
          endOfBandRun = readEndOfBandRun(run) - 1;
          return;
        }
        k += 15;
        continue;
      }
      k += run;
      checkIndex(k);
      store(component, block, k, reader.receiveExtend(size) * plusOne);
    }
  }

  private void refine(FrameComponent component, int block) throws ImageDecodeException {
    int k = spectralStart;
    if (endOfBandRun == 0) {
      k = refineCoded(component, block);
    }
    if (endOfBandRun > 0) {
      refineNonZero(component, block, k);
      endOfBandRun--;
    }
  }

  /**
   * Decodes the coded part of a refinement block: each symbol places one new coefficient of
   * magnitude {@code 1 << low} after a run of zeros, and every non-zero coefficient passed on the
   * way gets a correction bit.
   *
   * @return the zigzag index where an end-of-band run starts, or past the band
   */
  private int refineCoded(FrameComponent component, int block) throws ImageDecodeException {
    for (int k = spectralStart; k <= spectralEnd; k++) {
      int symbol = reader.decodeSymbol(component.acTable);
      int run = symbol >>> 4;
      int size = symbol & 15;
      int value = 0;
      if (size != 0) {
        if (size != 1) {
          throw JpegErrors.corrupt("a refinement scan codes a coefficient of size " + size);
        }
        value = reader.readBit() != 0 ? plusOne : minusOne;
      } else if (run != 15) {
        endOfBandRun = readEndOfBandRun(run);
        return k;
      }
      k = skipZeros(component, block, k, run);
      if (value != 0) {
        checkIndex(k);
        store(component, block, k, value);
      }
    }
    return spectralEnd + 1;
  }

  /**
   * Moves past {@code run} zero coefficients, refining the non-zero ones between them, and returns
   * the index of the next zero coefficient (past the band when there is none).
   */
  private int skipZeros(FrameComponent component, int block, int k, int run)
      throws ImageDecodeException {
    int zerosLeft = run;
    for (; k <= spectralEnd; k++) {
      if (isNonZero(component, block, k)) {
        refineCoefficient(component, block, k);
      } else if (zerosLeft-- == 0) {
        return k;
      }
    }
    return k;
  }

  /** Reads a correction bit for each non-zero coefficient from zigzag index {@code k} on. */
  private void refineNonZero(FrameComponent component, int block, int k)
      throws ImageDecodeException {
    if (k > spectralEnd) {
      return;
    }
    long band = (-1L << k) & (-1L >>> (63 - spectralEnd));
    long pending = component.nonZero[block] & band;
    while (pending != 0) {
      refineCoefficient(component, block, Long.numberOfTrailingZeros(pending));
      pending &= pending - 1;
    }
  }

  /** Reads a correction bit and adds it to the magnitude of a non-zero coefficient. */
  private void refineCoefficient(FrameComponent component, int block, int k)
      throws ImageDecodeException {
    if (reader.readBit() == 0 || k >= component.coefficientLimit) {
      return;
    }
    int index = block * component.coefficientLimit + k;
    short value = component.coefficients[index];
    if ((value & plusOne) == 0) {
      component.coefficients[index] = (short) (value >= 0 ? value + plusOne : value + minusOne);
    }
  }

  private static boolean isNonZero(FrameComponent component, int block, int k) {
    return (component.nonZero[block] >>> k & 1) != 0;
  }

  private static void store(FrameComponent component, int block, int k, int value) {
    if (k < component.coefficientLimit) {
      component.coefficients[block * component.coefficientLimit + k] = (short) value;
    }
    component.nonZero[block] |= 1L << k;
  }

  /** Returns the length of an end-of-band run coded with {@code run} extra bits. */
  private int readEndOfBandRun(int run) throws ImageDecodeException {
    return run == 0 ? 1 : (1 << run) + reader.readBits(run);
  }

  private void checkIndex(int k) throws ImageDecodeException {
    if (k > spectralEnd) {
      throw JpegErrors.corrupt(
          "an AC coefficient at index %d lies past the scan's band end %d"
              .formatted(k, spectralEnd));
    }
  }
}
