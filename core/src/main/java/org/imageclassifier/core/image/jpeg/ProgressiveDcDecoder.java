package org.imageclassifier.core.image.jpeg;

import org.imageclassifier.core.image.ImageDecodeException;

/**
 * Decodes a progressive DC scan (ITU-T T.81 section G.1.2.1): the first scan codes DC differences
 * shifted right by the point transform, each refinement scan adds one bit per block.
 */
final class ProgressiveDcDecoder extends ScanDecoder {

  private final boolean refinement;
  private final int pointTransform;

  ProgressiveDcDecoder(ScanContext context, boolean refinement, int pointTransform) {
    super(context);
    this.refinement = refinement;
    this.pointTransform = pointTransform;
  }

  @Override
  void decodeBlock(FrameComponent component, int blockRow, int blockColumn)
      throws ImageDecodeException {
    int index = (blockRow * component.blocksPerLine + blockColumn) * component.coefficientLimit;
    if (refinement) {
      if (reader.readBit() != 0 && component.inOutput()) {
        component.coefficients[index] |= (short) (1 << pointTransform);
      }
      return;
    }
    int dc = component.dcPredictor + reader.decodeDcDifference(component.dcTable);
    component.dcPredictor = dc;
    if (component.inOutput()) {
      component.coefficients[index] = (short) (dc << pointTransform);
    }
  }
}
