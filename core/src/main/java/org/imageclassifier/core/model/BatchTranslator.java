package org.imageclassifier.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.nio.FloatBuffer;

/**
 * Moves a float buffer into the engine's input tensor and the raw output back into one float array
 * per image, with no image classes or NDArray preprocessing in between.
 */
final class BatchTranslator implements NoBatchifyTranslator<TensorBatch, float[][]> {

  private final ModelContract.Input input;

  BatchTranslator(ModelContract.Input input) {
    this.input = input;
  }

  @Override
  public NDList processInput(TranslatorContext context, TensorBatch batch) {
    int length = batch.count() * input.imageSize();
    Shape shape = new Shape(batch.count(), input.channels(), input.height(), input.width());
    NDArray array = context.getNDManager().create(FloatBuffer.wrap(batch.data(), 0, length), shape);
    array.setName(input.name());
    return new NDList(array);
  }

  @Override
  public float[][] processOutput(TranslatorContext context, NDList list) {
    NDArray output = list.get(0);
    int count = (int) output.getShape().get(0);
    float[] flat = output.toFloatArray();
    int width = flat.length / Math.max(1, count);
    float[][] rows = new float[count][];
    for (int i = 0; i < count; i++) {
      rows[i] = new float[width];
      System.arraycopy(flat, i * width, rows[i], 0, width);
    }
    return rows;
  }
}
