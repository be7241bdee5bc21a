package org.imageclassifier.core.image.jpeg;

import org.imageclassifier.core.image.ImageDecodeException;

/**
 * Walks the blocks of one scan in coding order and handles restart intervals; subclasses decode the
 * blocks. A scan with one component codes its blocks row by row over the part of the grid that
 * holds image samples; a scan with several codes whole MCUs (ITU-T T.81 section A.2).
 */
abstract class ScanDecoder {

  final BitReader reader;
  final FrameComponent[] components;
  private final Frame frame;
  private final int restartInterval;
  private int mcusBeforeRestart;
  private int nextRestart;

  ScanDecoder(ScanContext context) {
    this.reader = new BitReader(context.data(), context.start());
    this.components = context.components();
    this.frame = context.frame();
    this.restartInterval = context.restartInterval();
    this.mcusBeforeRestart = restartInterval;
  }

  /**
   * Decodes the scan.
   *
   * @return the offset of the marker that follows the scan's data
   */
  final int decode() throws ImageDecodeException {
    if (components.length == 1) {
      decodeBlocks(components[0]);
    } else {
      decodeMcus();
    }
    return reader.finishSegment();
  }

  /** Decodes one block at the given position in the component's padded block grid. */
  abstract void decodeBlock(FrameComponent component, int blockRow, int blockColumn)
      throws ImageDecodeException;

  /** Resets the prediction state at the start of a restart interval. */
  void resetState() {
    for (FrameComponent component : components) {
      component.dcPredictor = 0;
    }
  }

  private void decodeBlocks(FrameComponent component) throws ImageDecodeException {
    for (int row = 0; row < component.usedBlocksPerColumn; row++) {
      for (int column = 0; column < component.usedBlocksPerLine; column++) {
        startMcu();
        decodeBlock(component, row, column);
      }
    }
  }

  private void decodeMcus() throws ImageDecodeException {
    for (int mcuRow = 0; mcuRow < frame.mcusPerColumn; mcuRow++) {
      for (int mcuColumn = 0; mcuColumn < frame.mcusPerLine; mcuColumn++) {
        startMcu();
        for (FrameComponent component : components) {
          decodeMcuBlocks(component, mcuRow, mcuColumn);
        }
      }
    }
  }

  private void decodeMcuBlocks(FrameComponent component, int mcuRow, int mcuColumn)
      throws ImageDecodeException {
    int h = component.spec.horizontalSampling();
    int v = component.spec.verticalSampling();
    for (int y = 0; y < v; y++) {
      for (int x = 0; x < h; x++) {
        decodeBlock(component, mcuRow * v + y, mcuColumn * h + x);
      }
    }
  }

  private void startMcu() throws ImageDecodeException {
    if (restartInterval == 0) {
      return;
    }
    if (mcusBeforeRestart == 0) {
      reader.restart(nextRestart);
      nextRestart = (nextRestart + 1) & 7;
      resetState();
      mcusBeforeRestart = restartInterval;
    }
    mcusBeforeRestart--;
  }
}
