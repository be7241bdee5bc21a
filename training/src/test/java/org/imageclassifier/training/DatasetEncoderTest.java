package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.ResizeMethod;
import org.imageclassifier.core.preprocess.Preprocessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DatasetEncoderTest {

  private static final ModelContract.Input INPUT =
      NetworkSpec.fashionMnistCnn().input(OnnxExporter.INPUT_NAME);

  private static IdxDataset train;

  @BeforeAll
  static void loadSubset() throws IOException {
    train = IdxDataset.read(TestData.fashionTrain(), FashionMnist.LABELS, 0);
  }

  @Test
  void normalisationMatchesDirectStatistics() {
    ModelContract.Preprocessing settings =
        DatasetEncoder.normalisation(INPUT, train, DatasetEncoder.all(train));

    double sum = 0;
    double sumOfSquares = 0;
    for (byte pixel : train.images().pixels()) {
      double value = (pixel & 0xFF) / 255.0;
      sum += value;
      sumOfSquares += value * value;
    }
    int n = train.images().pixels().length;
    double mean = sum / n;
    assertThat(settings.mean()[0]).isCloseTo((float) mean, within(1e-5f));
    assertThat(settings.std()[0])
        .isCloseTo((float) Math.sqrt(sumOfSquares / n - mean * mean), within(1e-5f));
    assertThat(settings.resize()).isEqualTo(ResizeMethod.AREA);
    assertThat(settings.scale()).isEqualTo(1.0 / 255.0);
  }

  @Test
  void encodedSetIsStandardised() {
    ModelContract.Preprocessing settings =
        DatasetEncoder.normalisation(INPUT, train, DatasetEncoder.all(train));

    TensorSet encoded =
        DatasetEncoder.encode(new Preprocessor(INPUT, settings), train, DatasetEncoder.all(train));

    double sum = 0;
    double sumOfSquares = 0;
    for (float value : encoded.data()) {
      sum += value;
      sumOfSquares += (double) value * value;
    }
    double mean = sum / encoded.data().length;
    assertThat(mean).isCloseTo(0, within(1e-4));
    assertThat(sumOfSquares / encoded.data().length - mean * mean).isCloseTo(1, within(1e-3));
  }

  @Test
  void encodedPixelFollowsContractFormula() {
    ModelContract.Preprocessing settings =
        DatasetEncoder.normalisation(INPUT, train, DatasetEncoder.all(train));

    TensorSet encoded =
        DatasetEncoder.encode(new Preprocessor(INPUT, settings), train, DatasetEncoder.all(train));

    int index = 5 * 784 + 14 * 28 + 14;
    float expected =
        ((train.images().pixels()[index] & 0xFF) / 255f - settings.mean()[0]) / settings.std()[0];
    assertThat(encoded.count()).isEqualTo(TestData.TRAIN_IMAGES);
    assertThat(encoded.imageSize()).isEqualTo(784);
    assertThat(encoded.data()[index]).isCloseTo(expected, within(1e-5f));
    assertThat(encoded.labels()).isEqualTo(train.labels());
  }
}
