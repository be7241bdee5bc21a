package org.imageclassifier.core.image.jpeg;

import org.imageclassifier.core.image.ImageDecodeException;

/**
 * Decodes a sequential (baseline or extended) Huffman scan straight into the component planes: a
 * block's AC coefficients past what the scaled IDCT reads are decoded only to be skipped.
 */
final class SequentialScanDecoder extends ScanDecoder {

  private final ScaledIdct idct;
  private final SparseBlock block = new SparseBlock();

  SequentialScanDecoder(ScanContext context, ScaledIdct idct) {
    super(context);
    this.idct = idct;
  }

  @Override
  void decodeBlock(FrameComponent component, int blockRow, int blockColumn)
      throws ImageDecodeException {
    int dc = component.dcPredictor + reader.decodeDcDifference(component.dcTable);
    component.dcPredictor = dc;
    int limit = component.coefficientLimit;
    if (limit <= 1) {
      reader.skipAc(component.acTable);
      if (limit == 1) {
        int index = blockRow * component.planeWidth + blockColumn;
        component.plane[index] = ScaledIdct.dcSample(dc * component.quantizers[0]);
      }
      return;
    }
    block.reset(dc * component.quantizers[0]);
    reader.decodeAc(component.acTable, block, component.quantizers, limit);
    idct.transform(
        block,
        component.blockWidth,
        component.blockHeight,
        component.plane,
        component.planeOffset(blockRow, blockColumn),
        component.planeWidth);
  }
}
