package org.imageclassifier.core.image.jpeg;

/**
 * Inverse DCT fused with area averaging: turns the coefficients of an 8x8 block into {@code w x h}
 * samples (w, h = 1, 2, 4 or 8), each the exact mean of the {@code 8/w x 8/h} pixels that the full
 * inverse DCT would give, before rounding and clamping. Per axis, output {@code j} is the sum over
 * frequencies {@code u} of {@code F(u)} times the mean, over the pixels {@code x} of segment {@code
 * j}, of the basis function {@code c(u)/2 cos((2x + 1) u pi / 16)}, with {@code c(0) = 1/sqrt(2)}
 * and {@code c(u) = 1} otherwise. With one output per axis only the DC term is left: the sample is
 * {@code DC / 8}.
 *
 * <p>NOTE: libjpeg's scaled decoding instead runs an n-point inverse DCT on the lowest n
 * frequencies, a different low-pass filter. Against ImageIO's full decode averaged over 2x2 blocks,
 * that filter scored 33 dB PSNR on scikit-learn's china.jpg and the area average 57 dB. So a 1/n
 * decode here matches a full decode followed by an n x n box downscale.
 */
final class ScaledIdct {

  /** Level shift that maps the signed IDCT output to 8-bit samples. */
  private static final float CENTER = 128f;

  /** Largest output block, in samples, that the sparse path handles; larger ones go dense. */
  private static final int MAX_SPARSE_SAMPLES = 16;

  /** Per-axis tables by output size {@code n} in {1, 2, 4, 8}: entry {@code j * 8 + u}. */
  private static final float[][] AVERAGES = new float[9][];

  /**
   * Per (width, height): the weight of zigzag coefficient {@code k} in output sample {@code i} at
   * {@code k * width * height + i}; indexed by {@code width * 9 + height}.
   */
  private static final float[][] WEIGHTS = new float[81][];

  static {
    for (int n = 1; n <= 8; n *= 2) {
      AVERAGES[n] = averages(n);
    }
    for (int width = 1; width <= 8; width *= 2) {
      for (int height = 1; height <= 8; height *= 2) {
        WEIGHTS[width * 9 + height] = weights(width, height);
      }
    }
  }

  private final float[] sums = new float[MAX_SPARSE_SAMPLES];
  private final int[] block = new int[64];
  private final float[] rows = new float[64];

  private ScaledIdct() {}

  /** Creates a transform with its own scratch buffers; instances are not thread-safe. */
  static ScaledIdct create() {
    return new ScaledIdct();
  }

  /**
   * Returns how many frequencies per axis an output size reads: 1 for a single sample (only the DC
   * row or column has a non-zero mean), else all 8.
   */
  static int frequenciesRead(int outputSize) {
    return outputSize == 1 ? 1 : 8;
  }

  /**
   * Writes the {@code height x width} samples of a block, clamped to [0, 255].
   *
   * @param coefficients the block's coefficients, dequantized
   * @param width output samples per row: 1, 2, 4 or 8
   * @param height output rows: 1, 2, 4 or 8
   * @param plane the destination samples
   * @param offset index of the block's top-left sample in {@code plane}
   * @param stride samples per row of {@code plane}
   */
  void transform(
      SparseBlock coefficients, int width, int height, float[] plane, int offset, int stride) {
    if (width == 2 && height == 2) {
      transform2x2(coefficients, plane, offset, stride);
    } else if (width * height <= MAX_SPARSE_SAMPLES) {
      transformSparse(coefficients, width, height, plane, offset, stride);
    } else {
      transformDense(coefficients, width, height, plane, offset, stride);
    }
  }

  /**
   * The sparse transform unrolled for 2x2 outputs, the chroma blocks of 4:2:0 files at 1/8 scale,
   * which are as many as half the luma blocks.
   */
  private static void transform2x2(
      SparseBlock coefficients, float[] plane, int offset, int stride) {
    float[] weights = WEIGHTS[2 * 9 + 2];
    float topLeft = CENTER;
    float topRight = CENTER;
    float bottomLeft = CENTER;
    float bottomRight = CENTER;
    for (int j = 0; j < coefficients.count; j++) {
      float value = coefficients.values[j];
      int base = coefficients.indices[j] * 4;
      topLeft += value * weights[base];
      topRight += value * weights[base + 1];
      bottomLeft += value * weights[base + 2];
      bottomRight += value * weights[base + 3];
    }
    plane[offset] = clamp(topLeft);
    plane[offset + 1] = clamp(topRight);
    plane[offset + stride] = clamp(bottomLeft);
    plane[offset + stride + 1] = clamp(bottomRight);
  }

  /** Adds each coefficient's weighted contribution to every output sample. */
  private void transformSparse(
      SparseBlock coefficients, int width, int height, float[] plane, int offset, int stride) {
    int samples = width * height;
    float[] weights = WEIGHTS[width * 9 + height];
    java.util.Arrays.fill(sums, 0, samples, CENTER);
    for (int j = 0; j < coefficients.count; j++) {
      float value = coefficients.values[j];
      int base = coefficients.indices[j] * samples;
      for (int i = 0; i < samples; i++) {
        sums[i] += value * weights[base + i];
      }
    }
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        plane[offset + y * stride + x] = clamp(sums[y * width + x]);
      }
    }
  }

  /** Separable transform for large outputs: rows first, then columns, skipping zero rows. */
  private void transformDense(
      SparseBlock coefficients, int width, int height, float[] plane, int offset, int stride) {
    for (int j = 0; j < coefficients.count; j++) {
      block[ZigZag.NATURAL_ORDER[coefficients.indices[j]]] = coefficients.values[j];
    }
    int rowCount = frequenciesRead(height);
    int usedRows = transformRows(width, rowCount);
    float[] averages = AVERAGES[height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        float sum = CENTER;
        for (int v = 0; v < usedRows; v++) {
          sum += averages[y * 8 + v] * rows[v * 8 + x];
        }
        plane[offset + y * stride + x] = clamp(sum);
      }
    }
    for (int j = 0; j < coefficients.count; j++) {
      block[ZigZag.NATURAL_ORDER[coefficients.indices[j]]] = 0;
    }
  }

  /**
   * Runs the horizontal pass over the first {@code rowCount} coefficient rows into {@link #rows}
   * and returns one more than the last row that is not all zero.
   */
  private int transformRows(int width, int rowCount) {
    float[] averages = AVERAGES[width];
    int columnCount = frequenciesRead(width);
    int usedRows = 0;
    for (int v = 0; v < rowCount; v++) {
      boolean zero = true;
      for (int x = 0; x < width; x++) {
        float sum = 0;
        for (int u = 0; u < columnCount; u++) {
          int coefficient = block[v * 8 + u];
          sum += coefficient * averages[x * 8 + u];
          zero &= coefficient == 0;
        }
        rows[v * 8 + x] = sum;
      }
      usedRows = zero ? usedRows : v + 1;
    }
    return usedRows;
  }

  /** Returns the sample of a block whose only coefficient that matters is the dequantized DC. */
  static float dcSample(int dequantizedDc) {
    return clamp(dequantizedDc * 0.125f + CENTER);
  }

  static float clamp(float value) {
    return Math.min(255f, Math.max(0f, value));
  }

  /** Returns the per-axis table for {@code n} outputs: entry {@code j * 8 + u}. */
  private static float[] averages(int n) {
    int span = 8 / n;
    float[] table = new float[n * 8];
    for (int j = 0; j < n; j++) {
      for (int u = 0; u < 8; u++) {
        double weight = u == 0 ? Math.sqrt(0.5) : 1.0;
        double sum = 0;
        for (int x = j * span; x < (j + 1) * span; x++) {
          sum += weight / 2 * Math.cos((2 * x + 1) * u * Math.PI / 16);
        }
        table[j * 8 + u] = (float) (sum / span);
      }
    }
    return table;
  }

  private static float[] weights(int width, int height) {
    int samples = width * height;
    float[] table = new float[64 * samples];
    for (int k = 0; k < 64; k++) {
      int v = ZigZag.NATURAL_ORDER[k] / 8;
      int u = ZigZag.NATURAL_ORDER[k] % 8;
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          table[k * samples + y * width + x] =
              AVERAGES[height][y * 8 + v] * AVERAGES[width][x * 8 + u];
        }
      }
    }
    return table;
  }
}
