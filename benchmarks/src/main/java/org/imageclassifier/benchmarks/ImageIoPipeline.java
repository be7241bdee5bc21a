package org.imageclassifier.benchmarks;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.imageclassifier.core.model.InferenceException;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.OnnxPredictor;
import org.imageclassifier.core.model.TensorBatch;

/**
 * The pipeline most Java code writes by hand: {@code ImageIO.read} at full size, a bilinear
 * Graphics2D draw into a gray or RGB image of the model's input size, then scale and normalise into
 * a float buffer for the same predictor as the classifier.
 */
final class ImageIoPipeline implements AutoCloseable {

  private final OnnxPredictor predictor;
  private final ModelContract contract;

  ImageIoPipeline(OnnxPredictor predictor) {
    // Read from memory, not through ImageIO's temporary-file cache, as a tuned service would.
    ImageIO.setUseCache(false);
    this.predictor = predictor;
    this.contract = predictor.contract();
  }

  /** Returns the probabilities of one encoded image, in label order. */
  float[] classify(byte[] bytes) throws IOException, InferenceException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    BufferedImage small = scale(image);
    return predictor.predict(new TensorBatch(tensor(small), 1))[0];
  }

  private BufferedImage scale(BufferedImage image) {
    ModelContract.Input input = contract.input();
    int type = input.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR;
    BufferedImage small = new BufferedImage(input.width(), input.height(), type);
    Graphics2D graphics = small.createGraphics();
    graphics.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    graphics.drawImage(image, 0, 0, input.width(), input.height(), null);
    graphics.dispose();
    return small;
  }

  private float[] tensor(BufferedImage small) {
    ModelContract.Input input = contract.input();
    ModelContract.Preprocessing settings = contract.preprocessing();
    int size = input.width() * input.height();
    int[] samples = small.getRaster().getPixels(0, 0, input.width(), input.height(), (int[]) null);
    float[] tensor = new float[input.channels() * size];
    for (int c = 0; c < input.channels(); c++) {
      float mean = settings.mean()[c];
      float std = settings.std()[c];
      for (int i = 0; i < size; i++) {
        float value = samples[i * input.channels() + c] * (float) settings.scale();
        tensor[c * size + i] = (value - mean) / std;
      }
    }
    return tensor;
  }

  @Override
  public void close() {
    predictor.close();
  }
}
