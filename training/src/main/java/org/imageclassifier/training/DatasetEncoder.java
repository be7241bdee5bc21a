package org.imageclassifier.training;

import org.imageclassifier.core.image.PixelPlanes;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.ResizeMethod;
import org.imageclassifier.core.preprocess.Preprocessor;

/**
 * Turns IDX images into model input with core's {@link Preprocessor}, the code the server runs on
 * uploaded images, so training and serving see the same values.
 */
public final class DatasetEncoder {

  /** Scale from 8-bit samples to [0, 1]. */
  public static final double SCALE = 1.0 / 255.0;

  private DatasetEncoder() {}

  /**
   * Computes the per-channel mean and standard deviation of the images after scaling to [0, 1], and
   * returns the preprocessing settings that normalise by them.
   *
   * @param input the model input the images are resized to
   * @param images the training images
   * @return area resize, scale 1/255, and the measured mean and population std
   */
  public static ModelContract.Preprocessing normalisation(
      ModelContract.Input input, IdxImages images) {
    ModelContract.Preprocessing identity =
        new ModelContract.Preprocessing(
            ResizeMethod.AREA, SCALE, new float[] {0f}, new float[] {1f});
    float[] scaled = encodePixels(new Preprocessor(input, identity), images);
    double sum = 0;
    double sumOfSquares = 0;
    for (float value : scaled) {
      sum += value;
      sumOfSquares += (double) value * value;
    }
    double mean = sum / scaled.length;
    double std = Math.sqrt(Math.max(0, sumOfSquares / scaled.length - mean * mean));
    return new ModelContract.Preprocessing(
        ResizeMethod.AREA, SCALE, new float[] {(float) mean}, new float[] {(float) std});
  }

  /**
   * Preprocesses labelled images into one NCHW buffer.
   *
   * @param preprocessor the model's preprocessing
   * @param labeled images and labels
   */
  public static TensorSet encode(Preprocessor preprocessor, LabeledImages labeled) {
    float[] data = encodePixels(preprocessor, labeled.images());
    return new TensorSet(data, labeled.labels().clone(), preprocessor.imageSize());
  }

  private static float[] encodePixels(Preprocessor preprocessor, IdxImages images) {
    int size = preprocessor.imageSize();
    float[] data = new float[Math.multiplyExact(images.count(), size)];
    for (int i = 0; i < images.count(); i++) {
      PixelPlanes planes =
          PixelPlanes.ofGray(
              images.pixels(), i * images.imageSize(), images.width(), images.height());
      preprocessor.writeTensor(planes, data, i * size);
    }
    return data;
  }
}
