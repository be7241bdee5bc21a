package org.imageclassifier.benchmarks;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.modality.cv.transform.Normalize;
import ai.djl.modality.cv.transform.Resize;
import ai.djl.modality.cv.transform.ToTensor;
import ai.djl.modality.cv.translator.ImageClassificationTranslator;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.Transform;
import ai.djl.translate.TranslateException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.imageclassifier.core.model.ModelContract;

/**
 * DJL's default image pipeline, as its examples set it up: {@link ImageFactory} decodes the bytes
 * at full size, then {@link Resize}, {@link ToTensor} and {@link Normalize} run as NDArray
 * operations before the ONNX model runs on the OnnxRuntime engine. The NDArray operations run on
 * PyTorch, DJL's hybrid engine for OnnxRuntime, because OnnxRuntime has no NDArray operators.
 */
final class DjlPipeline implements AutoCloseable {

  private final ZooModel<Image, Classifications> model;
  private final Predictor<Image, Classifications> predictor;
  private final Image.Flag flag;

  DjlPipeline(Path modelDirectory, ModelContract contract)
      throws IOException, ModelNotFoundException, MalformedModelException {
    ModelContract.Input input = contract.input();
    this.flag = input.channels() == 1 ? Image.Flag.GRAYSCALE : Image.Flag.COLOR;
    ImageClassificationTranslator translator =
        ImageClassificationTranslator.builder()
            .setImageSize(input.width(), input.height())
            .addTransform(new Resize(input.width(), input.height()))
            .addTransform(new ToTensor())
            .addTransform(normalize(contract.preprocessing()))
            .optFlag(flag)
            .optSynset(contract.labels())
            .optApplySoftmax(true)
            .build();
    Criteria<Image, Classifications> criteria =
        Criteria.builder()
            .setTypes(Image.class, Classifications.class)
            .optModelPath(modelDirectory)
            .optModelName(contract.onnx().file().replaceFirst("\\.onnx$", ""))
            .optEngine("OnnxRuntime")
            .optTranslator(translator)
            .build();
    this.model = criteria.loadModel();
    this.predictor = model.newPredictor();
  }

  /** Returns the ranked labels of one encoded image. */
  Classifications classify(byte[] bytes) throws IOException, TranslateException {
    Image image = ImageFactory.getInstance().fromInputStream(new ByteArrayInputStream(bytes));
    return predictor.predict(image);
  }

  /**
   * Returns DJL's {@link Normalize} for RGB. For one channel it returns the same arithmetic as an
   * NDArray lambda, because DJL 0.36's Normalize builds a 3x1x1 mean array whatever the input.
   */
  private static Transform normalize(ModelContract.Preprocessing settings) {
    if (settings.mean().length == 3) {
      return new Normalize(settings.mean(), settings.std());
    }
    float mean = settings.mean()[0];
    float std = settings.std()[0];
    return array -> array.sub(mean).div(std);
  }

  @Override
  public void close() {
    predictor.close();
    model.close();
  }
}
