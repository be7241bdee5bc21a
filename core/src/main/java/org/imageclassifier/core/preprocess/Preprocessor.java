package org.imageclassifier.core.preprocess;

import org.imageclassifier.core.image.PixelPlanes;
import org.imageclassifier.core.model.ModelContract;

/**
 * Turns pixels into model input as the contract specifies: convert to the model's channels, resize,
 * scale to [0, 1] and normalise by mean and std. Training and serving both call this class, so a
 * model is served exactly the values it was trained on.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Preprocessor {

  private final ModelContract.Input input;
  private final ModelContract.Preprocessing settings;

  /** Creates a preprocessor for a model's input tensor and preprocessing settings. */
  public Preprocessor(ModelContract.Input input, ModelContract.Preprocessing settings) {
    this.input = input;
    this.settings = settings;
  }

  /** Creates a preprocessor for a validated contract. */
  public static Preprocessor of(ModelContract contract) {
    return new Preprocessor(contract.input(), contract.preprocessing());
  }

  /** Returns the number of floats one image occupies in the input tensor. */
  public int imageSize() {
    return input.imageSize();
  }

  /**
   * Writes one image into a float buffer in NCHW layout.
   *
   * @param pixels the decoded pixels, any size, 1 or 3 channels
   * @param destination the batch buffer
   * @param offset index of the image's first float in {@code destination}
   */
  public void writeTensor(PixelPlanes pixels, float[] destination, int offset) {
    PixelPlanes converted = pixels.toChannels(input.channels());
    PixelPlanes resized =
        Resizer.resize(converted, input.width(), input.height(), settings.resize());
    normalise(resized, destination, offset);
  }

  /** Returns one image as a new float array in CHW layout. */
  public float[] toTensor(PixelPlanes pixels) {
    float[] tensor = new float[imageSize()];
    writeTensor(pixels, tensor, 0);
    return tensor;
  }

  private void normalise(PixelPlanes pixels, float[] destination, int offset) {
    float scale = (float) settings.scale();
    int size = pixels.planeSize();
    float[] samples = pixels.samples();
    for (int c = 0; c < pixels.channels(); c++) {
      float mean = settings.mean()[c];
      float inverseStd = 1f / settings.std()[c];
      int base = c * size;
      for (int i = 0; i < size; i++) {
        destination[offset + base + i] = (samples[base + i] * scale - mean) * inverseStd;
      }
    }
  }
}
