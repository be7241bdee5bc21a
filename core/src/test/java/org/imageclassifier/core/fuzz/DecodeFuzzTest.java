package org.imageclassifier.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.imageclassifier.core.image.DecodedImage;
import org.imageclassifier.core.image.ImageDecodeException;
import org.imageclassifier.core.image.ImageDecoder;
import org.imageclassifier.core.image.PixelBudget;
import org.imageclassifier.core.model.ModelContract;
import org.imageclassifier.core.model.ResizeMethod;
import org.imageclassifier.core.preprocess.Preprocessor;

/**
 * Fuzzes the decode-and-preprocess path with Jazzer. Every input must end as a finite tensor or as
 * an {@link ImageDecodeException}; any other exception, an OutOfMemoryError or an input that runs
 * past the per-input timeout is a finding.
 *
 * <p>The seeds are the files of the test corpus and the JPEG test files, which the build copies to
 * {@code DecodeFuzzTestInputs/decodeAndPreprocess}. A plain test run replays them (regression
 * mode); the {@code fuzz} execution of core's Surefire configuration fuzzes for a few seconds. The
 * pixel budget is the one a function with a 256 MiB decode heap gets, so that an image the budget
 * admits but the heap cannot hold fails as an OutOfMemoryError.
 */
class DecodeFuzzTest {

  private static final ImageDecoder DECODER = new ImageDecoder(PixelBudget.forHeap(256L << 20));

  /** The bundled Fashion-MNIST model's input: one gray 28x28 plane, area resize. */
  private static final Preprocessor GRAY =
      new Preprocessor(
          new ModelContract.Input("input", "NCHW", 1, 28, 28),
          new ModelContract.Preprocessing(
              ResizeMethod.AREA, 1 / 255.0, new float[] {0.286f}, new float[] {0.353f}));

  /** An ImageNet-style RGB input, bilinear resize, so that colour conversion runs too. */
  private static final Preprocessor RGB =
      new Preprocessor(
          new ModelContract.Input("input", "NCHW", 3, 32, 32),
          new ModelContract.Preprocessing(
              ResizeMethod.BILINEAR,
              1 / 255.0,
              new float[] {0.485f, 0.456f, 0.406f},
              new float[] {0.229f, 0.224f, 0.225f}));

  @FuzzTest(maxDuration = "15s")
  void decodeAndPreprocess(byte[] input) {
    preprocess(input, GRAY, 1, 28);
    preprocess(input, RGB, 3, 32);
  }

  private static void preprocess(byte[] input, Preprocessor preprocessor, int channels, int size) {
    DecodedImage image;
    try {
      image = DECODER.decode(input, channels, size, size);
    } catch (ImageDecodeException e) {
      assertThat(e.code()).isNotNull();
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    float[] tensor = preprocessor.toTensor(image.pixels());
    assertThat(image.width()).isPositive();
    assertThat(image.height()).isPositive();
    for (float value : tensor) {
      if (!Float.isFinite(value)) {
        throw new AssertionError("The tensor holds " + value + " for a decoded image");
      }
    }
  }
}
