package org.imageclassifier.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.imageclassifier.core.image.DecodedImage;
import org.imageclassifier.core.image.ImageDecodeException;
import org.imageclassifier.core.image.ImageDecoder;
import org.imageclassifier.core.model.InferenceException;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.ModelLoadException;
import org.imageclassifier.core.model.ModelPackage;
import org.imageclassifier.core.model.OnnxPredictor;
import org.imageclassifier.core.model.TensorBatch;
import org.imageclassifier.core.preprocess.Preprocessor;

/**
 * Classifies encoded images: decode, preprocess, infer, rank. Load one instance per process and
 * share it; it is thread-safe.
 */
public final class ImageClassifier implements AutoCloseable {

  /** Default number of labels reported per image. */
  public static final int DEFAULT_TOP_K = 5;

  private final ImageDecoder decoder;
  private final OnnxPredictor predictor;
  private final Preprocessor preprocessor;
  private final int topK;

  /**
   * Creates a classifier from a loaded predictor.
   *
   * @param decoder the decoder, which carries the pixel budget
   * @param predictor the loaded model
   * @param topK number of labels to report per image, at least 1
   */
  public ImageClassifier(ImageDecoder decoder, OnnxPredictor predictor, int topK) {
    if (topK < 1) {
      throw new IllegalArgumentException("topK must be at least 1, was " + topK);
    }
    this.decoder = decoder;
    this.predictor = predictor;
    this.preprocessor = Preprocessor.of(predictor.contract());
    this.topK = Math.min(topK, predictor.contract().labels().size());
  }

  /**
   * Loads a model package and creates a classifier with the default decoder and top-k.
   *
   * @throws ModelLoadException when the model cannot be loaded or disagrees with its contract
   */
  public static ImageClassifier load(ModelPackage modelPackage) throws ModelLoadException {
    return new ImageClassifier(new ImageDecoder(), OnnxPredictor.load(modelPackage), DEFAULT_TOP_K);
  }

  /** Returns the contract of the loaded model. */
  public ModelContract contract() {
    return predictor.contract();
  }

  /**
   * Classifies one encoded image.
   *
   * @param bytes the image file content; the format is detected from the bytes
   * @throws ImageDecodeException when the bytes are not a decodable image (permanent)
   * @throws InferenceException when the engine fails
   */
  public Classification classify(byte[] bytes) throws ImageDecodeException, InferenceException {
    ModelContract.Input input = contract().input();
    long start = System.nanoTime();
    DecodedImage image = decoder.decode(bytes, input.channels(), input.width(), input.height());
    long decoded = System.nanoTime();

    float[] tensor = preprocessor.toTensor(image.pixels());
    long preprocessed = System.nanoTime();

    float[] probabilities = predictor.predict(new TensorBatch(tensor, 1))[0];
    long inferred = System.nanoTime();

    StageTimings timings =
        new StageTimings(
            millis(start, decoded), millis(decoded, preprocessed), millis(preprocessed, inferred));
    return new Classification(
        image.format(),
        image.width(),
        image.height(),
        image.orientation(),
        rank(probabilities),
        timings);
  }

  /**
   * Classifies several encoded images with one inference call. Equivalent to adding each image to a
   * {@link #newBatch batch} and classifying it: every image is decoded into its slot of one NCHW
   * float buffer, then the model runs once for all of them. An image that cannot be decoded gets a
   * rejected outcome; the others are still classified.
   *
   * @param images the image file contents, in any supported format; not null
   * @return one outcome per image, in the order given
   * @throws InferenceException when the engine fails; no outcome is returned then
   */
  public List<BatchOutcome> classifyAll(List<byte[]> images) throws InferenceException {
    ClassificationBatch batch = newBatch(images.size());
    for (byte[] bytes : images) {
      batch.add(bytes);
    }
    return batch.classify();
  }

  /**
   * Starts a batch that decodes each image as it is added and runs the model once for all of them.
   * The caller may drop an image's bytes as soon as {@link ClassificationBatch#add} returns.
   *
   * @param capacity the number of images the batch will hold, at least 1
   */
  public ClassificationBatch newBatch(int capacity) {
    return new ClassificationBatch(this, capacity);
  }

  ImageDecoder decoder() {
    return decoder;
  }

  Preprocessor preprocessor() {
    return preprocessor;
  }

  OnnxPredictor predictor() {
    return predictor;
  }

  /** Returns the top-k labels, highest probability first; ties keep label order. */
  List<LabelProbability> rank(float[] probabilities) {
    List<String> labels = contract().labels();
    List<LabelProbability> all = new ArrayList<>(labels.size());
    for (int i = 0; i < labels.size(); i++) {
      all.add(new LabelProbability(labels.get(i), probabilities[i]));
    }
    all.sort(Comparator.comparingDouble(LabelProbability::probability).reversed());
    return all.subList(0, topK);
  }

  static double millis(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1_000_000.0;
  }

  @Override
  public void close() {
    predictor.close();
  }
}
