package org.imageclassifier.core.image.jpeg;

/** Turns the coefficients that progressive scans stored into samples, once all scans are read. */
final class CoefficientRenderer {

  private final ScaledIdct idct;
  private final SparseBlock block = new SparseBlock();

  CoefficientRenderer(ScaledIdct idct) {
    this.idct = idct;
  }

  /** Writes the samples of every block of every output component into its plane. */
  void render(Frame frame) {
    for (FrameComponent component : frame.components) {
      if (!component.inOutput()) {
        continue;
      }
      for (int row = 0; row < component.blocksPerColumn; row++) {
        for (int column = 0; column < component.blocksPerLine; column++) {
          renderBlock(component, row, column);
        }
      }
    }
  }

  private void renderBlock(FrameComponent component, int row, int column) {
    int limit = component.coefficientLimit;
    int[] quantizers = component.quantizers;
    int first = (row * component.blocksPerLine + column) * limit;
    if (limit == 1) {
      int dc = component.coefficients[first] * quantizers[0];
      component.plane[row * component.planeWidth + column] = ScaledIdct.dcSample(dc);
      return;
    }
    block.reset(component.coefficients[first] * quantizers[0]);
    for (int k = 1; k < limit; k++) {
      int value = component.coefficients[first + k];
      if (value != 0) {
        block.add(k, value * quantizers[k]);
      }
    }
    idct.transform(
        block,
        component.blockWidth,
        component.blockHeight,
        component.plane,
        component.planeOffset(row, column),
        component.planeWidth);
  }
}
