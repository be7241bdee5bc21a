package org.imageclassifier.core.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslateException;
import ai.djl.util.PairList;
import java.io.IOException;
import java.util.Arrays;

/**
 * Runs a model on DJL's OnnxRuntime engine. The model is loaded once, checked against its contract,
 * and then serves any number of batches.
 *
 * <p>Thread-safe: calls to {@link #predict} are serialised because a DJL predictor is not
 * thread-safe, and one small CNN inference takes well under a millisecond.
 */
public final class OnnxPredictor implements AutoCloseable {

  private static final String ENGINE = "OnnxRuntime";

  private final ModelContract contract;
  private final Model model;
  private final Predictor<TensorBatch, float[][]> predictor;

  private OnnxPredictor(ModelContract contract, Model model) {
    this.contract = contract;
    this.model = model;
    this.predictor = model.newPredictor(new BatchTranslator(contract.input()));
  }

  /**
   * Loads the ONNX file of a model package and checks its signature against the contract: the input
   * name, the NCHW shape and the output width must agree.
   *
   * @throws ModelLoadException when the file cannot be loaded or disagrees with the contract
   */
  public static OnnxPredictor load(ModelPackage modelPackage) throws ModelLoadException {
    ModelContract contract = modelPackage.contract();
    Model model = Model.newInstance(contract.name(), Device.cpu(), ENGINE);
    try {
      model.load(modelPackage.directory(), stripExtension(contract.onnx().file()));
      OnnxPredictor predictor = new OnnxPredictor(contract, model);
      predictor.checkSignature();
      return predictor;
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      throw new ModelLoadException(
          "Cannot load ONNX model " + modelPackage.onnxFile() + ": " + e.getMessage(), e);
    } catch (ModelLoadException e) {
      model.close();
      throw e;
    }
  }

  /** Returns the contract the model was checked against. */
  public ModelContract contract() {
    return contract;
  }

  /**
   * Runs one batch and returns the probabilities per image, after the contract's activation.
   *
   * @param batch preprocessed images, NCHW
   * @return one probability vector per image, in label order
   * @throws InferenceException when the engine fails
   */
  public float[][] predict(TensorBatch batch) throws InferenceException {
    float[][] raw = predictRaw(batch);
    float[][] probabilities = new float[raw.length][];
    for (int i = 0; i < raw.length; i++) {
      probabilities[i] = contract.output().activation().apply(raw[i], contract.labels().size());
    }
    return probabilities;
  }

  /**
   * Runs one batch and returns the raw model output per image (logits for softmax and sigmoid
   * models).
   *
   * @throws InferenceException when the engine fails
   */
  public synchronized float[][] predictRaw(TensorBatch batch) throws InferenceException {
    try {
      return predictor.predict(batch);
    } catch (TranslateException | RuntimeException e) {
      throw new InferenceException("ONNX Runtime inference failed: " + e.getMessage(), e);
    }
  }

  private void checkSignature() throws ModelLoadException {
    checkInput(model.describeInput());
    checkOutputWidth();
  }

  private void checkInput(PairList<String, Shape> inputs) throws ModelLoadException {
    ModelContract.Input expected = contract.input();
    if (inputs == null || inputs.size() != 1) {
      throw mismatch("one input tensor", inputs);
    }
    if (!expected.name().equals(inputs.get(0).getKey())) {
      throw mismatch("input tensor '" + expected.name() + "'", inputs.get(0).getKey());
    }
    Shape shape = inputs.get(0).getValue();
    if (shape == null) {
      // NOTE: DJL 0.36's OnnxRuntime engine reports input names without shapes. The zero-input
      // inference in checkOutputWidth then catches a shape mismatch, because ONNX Runtime rejects
      // an input whose static dimensions differ from the graph's.
      return;
    }
    long[] dims = shape.getShape();
    long[] chw = {expected.channels(), expected.height(), expected.width()};
    if (dims.length != 4 || !Arrays.equals(Arrays.copyOfRange(dims, 1, 4), chw)) {
      throw mismatch("input shape [N, " + chw[0] + ", " + chw[1] + ", " + chw[2] + "]", dims);
    }
  }

  private void checkOutputWidth() throws ModelLoadException {
    float[][] raw;
    try {
      raw = predictRaw(new TensorBatch(new float[contract.input().imageSize()], 1));
    } catch (InferenceException e) {
      throw new ModelLoadException("The model failed on a zero input: " + e.getMessage(), e);
    }
    int labels = contract.labels().size();
    int expected = contract.output().activation() == Activation.SIGMOID ? 1 : labels;
    if (raw.length != 1 || raw[0].length != expected) {
      throw mismatch(expected + " output values for " + labels + " labels", raw[0].length);
    }
  }

  private ModelLoadException mismatch(String expected, Object actual) {
    String actualText =
        actual instanceof long[] dims ? Arrays.toString(dims) : String.valueOf(actual);
    return new ModelLoadException(
        "Model %s %s disagrees with model.json: expected %s, the ONNX graph has %s. Export the model and model.json from the same training run."
            .formatted(contract.name(), contract.version(), expected, actualText));
  }

  private static String stripExtension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  @Override
  public void close() {
    predictor.close();
    model.close();
  }
}
