package org.imageclassifier.training;

import java.util.Arrays;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.ResizeMethod;
import org.imageclassifier.core.preprocess.Preprocessor;

/**
 * Turns labelled images into model input with core's {@link Preprocessor}, the code the server runs
 * on uploaded images, so training and serving see the same values.
 */
public final class DatasetEncoder {

  /** Scale from 8-bit samples to [0, 1]. */
  public static final double SCALE = 1.0 / 255.0;

  private DatasetEncoder() {}

  /**
   * Computes the per-channel mean and population standard deviation of images after resizing and
   * scaling to [0, 1], and returns the preprocessing settings that normalise by them.
   *
   * @param input the model input the images are resized to
   * @param dataset the images
   * @param indices which images to measure, normally the training part
   * @return area resize, scale 1/255, and the measured mean and std per channel
   */
  public static ModelContract.Preprocessing normalisation(
      ModelContract.Input input, LabeledDataset dataset, int[] indices) {
    int channels = input.channels();
    float[] zeros = new float[channels];
    float[] ones = new float[channels];
    Arrays.fill(ones, 1f);
    ModelContract.Preprocessing identity =
        new ModelContract.Preprocessing(ResizeMethod.AREA, SCALE, zeros, ones);
    TensorSet scaled = encode(new Preprocessor(input, identity), dataset, indices);
    float[] mean = new float[channels];
    float[] std = new float[channels];
    int plane = input.height() * input.width();
    for (int c = 0; c < channels; c++) {
      double[] moments = moments(scaled.data(), c * plane, plane, input.imageSize());
      mean[c] = (float) moments[0];
      std[c] = (float) Math.max(moments[1], 1e-6);
    }
    return new ModelContract.Preprocessing(ResizeMethod.AREA, SCALE, mean, std);
  }

  /** Returns the mean and population std of one channel over all images. */
  private static double[] moments(float[] data, int offset, int plane, int imageSize) {
    double sum = 0;
    double sumOfSquares = 0;
    long n = 0;
    for (int start = offset; start < data.length; start += imageSize) {
      for (int i = start; i < start + plane; i++) {
        sum += data[i];
        sumOfSquares += (double) data[i] * data[i];
      }
      n += plane;
    }
    double mean = sum / n;
    return new double[] {mean, Math.sqrt(Math.max(0, sumOfSquares / n - mean * mean))};
  }

  /**
   * Preprocesses the chosen images into one NCHW buffer.
   *
   * @param preprocessor the model's preprocessing
   * @param dataset images and labels
   * @param indices which images, in this order
   */
  public static TensorSet encode(Preprocessor preprocessor, LabeledDataset dataset, int[] indices) {
    int size = preprocessor.imageSize();
    float[] data = new float[Math.multiplyExact(indices.length, size)];
    int[] labels = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      preprocessor.writeTensor(dataset.pixels(indices[i]), data, i * size);
      labels[i] = dataset.labels()[indices[i]];
    }
    return new TensorSet(data, labels, size);
  }

  /** Returns every index of the data set, in order. */
  public static int[] all(LabeledDataset dataset) {
    int[] indices = new int[dataset.count()];
    Arrays.setAll(indices, i -> i);
    return indices;
  }

  /** Returns the value a black pixel normalises to, per channel: {@code -mean / std}. */
  public static float[] blackValue(ModelContract.Preprocessing preprocessing) {
    float[] fill = new float[preprocessing.mean().length];
    for (int c = 0; c < fill.length; c++) {
      fill[c] = (0f - preprocessing.mean()[c]) * (1f / preprocessing.std()[c]);
    }
    return fill;
  }
}
