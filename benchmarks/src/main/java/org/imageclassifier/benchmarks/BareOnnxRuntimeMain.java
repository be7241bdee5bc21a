package org.imageclassifier.benchmarks;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The cold-start floor: the least a Java program does to classify one image with ONNX Runtime.
 * Reads the image with ImageIO, scales it to 28x28 gray with Graphics2D, normalises it with the
 * bundled model's mean and std, runs the model through the ONNX Runtime Java API and prints the
 * index of the largest logit. Run it with only the ONNX Runtime jar on the classpath and {@code
 * -Donnxruntime.native.path} pointing at natives extracted in advance, so that nothing is extracted
 * at start.
 *
 * <p>Usage: {@code BareOnnxRuntimeMain MODEL.onnx IMAGE}
 */
public final class BareOnnxRuntimeMain {

  private static final int SIZE = 28;

  /** Mean and std of the bundled Fashion-MNIST model's input, after scaling to [0, 1]. */
  private static final float MEAN = 0.2860406f;

  private static final float STD = 0.35302427f;

  private BareOnnxRuntimeMain() {}

  /** Classifies one image; see the class description. */
  public static void main(String[] args) throws IOException, OrtException {
    float[] input = pixels(Path.of(args[1]));
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OrtSession session = environment.createSession(args[0]);
        OnnxTensor tensor =
            OnnxTensor.createTensor(
                environment, FloatBuffer.wrap(input), new long[] {1, 1, SIZE, SIZE});
        OrtSession.Result result =
            session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
      float[] logits = ((float[][]) result.get(0).getValue())[0];
      System.out.println("class " + argmax(logits));
    }
  }

  private static float[] pixels(Path file) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    BufferedImage small = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D graphics = small.createGraphics();
    graphics.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    graphics.drawImage(image, 0, 0, SIZE, SIZE, null);
    graphics.dispose();
    int[] samples = small.getRaster().getPixels(0, 0, SIZE, SIZE, (int[]) null);
    float[] input = new float[SIZE * SIZE];
    for (int i = 0; i < input.length; i++) {
      input[i] = (samples[i] / 255f - MEAN) / STD;
    }
    return input;
  }

  private static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
