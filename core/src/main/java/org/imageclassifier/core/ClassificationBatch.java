package org.imageclassifier.core;

import java.util.ArrayList;
import java.util.List;
import org.imageclassifier.core.image.DecodedImage;
import org.imageclassifier.core.image.ImageDecodeException;
import org.imageclassifier.core.model.InferenceException;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.TensorBatch;

/**
 * Images collected for one inference call. {@link #add} decodes and preprocesses an image straight
 * into its slot of one NCHW float buffer and keeps only its metadata, so the heap keeps one decoded
 * image at a time plus {@code channels x height x width} floats per image. {@link #classify} then
 * runs the model once for every image added.
 *
 * <p>Not thread-safe: one thread fills and classifies a batch. Create one with {@link
 * ImageClassifier#newBatch}.
 */
public final class ClassificationBatch {

  private final ImageClassifier classifier;
  private final float[] tensor;
  private final List<Prepared> images;
  private int slots;
  private boolean classified;

  ClassificationBatch(ImageClassifier classifier, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.classifier = classifier;
    this.tensor = new float[capacity * classifier.preprocessor().imageSize()];
    this.images = new ArrayList<>(capacity);
  }

  /**
   * Decodes one image into the batch. An image that cannot be decoded is kept as a rejected outcome
   * and takes no slot in the model input.
   *
   * @param bytes the encoded image; the format is detected from the bytes
   * @return the image's index in the outcomes that {@link #classify} returns
   * @throws IllegalStateException when the batch is full or already classified
   */
  public int add(byte[] bytes) {
    if (classified || images.size() == tensor.length / classifier.preprocessor().imageSize()) {
      throw new IllegalStateException(
          "The batch is " + (classified ? "already classified" : "full") + "; start a new one");
    }
    Prepared image = prepare(bytes);
    images.add(image);
    if (image.failure() == null) {
      slots++;
    }
    return images.size() - 1;
  }

  /** Returns the number of images added, rejected ones included. */
  public int size() {
    return images.size();
  }

  /**
   * Runs the model once for every decoded image. Each classification's {@link
   * StageTimings#inferenceMs()} is the time of that one call, shared by the images of the batch.
   *
   * @return one outcome per image, in the order added
   * @throws InferenceException when the engine fails
   * @throws IllegalStateException when the batch was already classified
   */
  public List<BatchOutcome> classify() throws InferenceException {
    if (classified) {
      throw new IllegalStateException("The batch is already classified; start a new one");
    }
    classified = true;
    long start = System.nanoTime();
    float[][] probabilities =
        slots == 0
            ? new float[0][]
            : classifier.predictor().predict(new TensorBatch(tensor, slots));
    double inferenceMs = ImageClassifier.millis(start, System.nanoTime());
    List<BatchOutcome> outcomes = new ArrayList<>(images.size());
    int slot = 0;
    for (Prepared image : images) {
      if (image.failure() != null) {
        outcomes.add(BatchOutcome.rejected(image.failure()));
      } else {
        List<LabelProbability> topK = classifier.rank(probabilities[slot++]);
        outcomes.add(BatchOutcome.classified(image.classification(topK, inferenceMs)));
      }
    }
    return outcomes;
  }

  private Prepared prepare(byte[] bytes) {
    ModelContract.Input input = classifier.contract().input();
    long start = System.nanoTime();
    DecodedImage image;
    try {
      image = classifier.decoder().decode(bytes, input.channels(), input.width(), input.height());
    } catch (ImageDecodeException e) {
      return new Prepared(null, 0, 0, e);
    }
    long decoded = System.nanoTime();
    int offset = slots * classifier.preprocessor().imageSize();
    classifier.preprocessor().writeTensor(image.pixels(), tensor, offset);
    long preprocessed = System.nanoTime();
    DecodedImage metadata =
        new DecodedImage(image.format(), image.width(), image.height(), image.orientation(), null);
    return new Prepared(
        metadata,
        ImageClassifier.millis(start, decoded),
        ImageClassifier.millis(decoded, preprocessed),
        null);
  }

  /** One image after decoding: its metadata without pixels and its timings, or its failure. */
  private record Prepared(
      DecodedImage image, double decodeMs, double preprocessMs, ImageDecodeException failure) {

    Classification classification(List<LabelProbability> topK, double inferenceMs) {
      return new Classification(
          image.format(),
          image.width(),
          image.height(),
          image.orientation(),
          topK,
          new StageTimings(decodeMs, preprocessMs, inferenceMs));
    }
  }
}
