package org.imageclassifier.training;

/**
 * Accuracy and cross-entropy computed from logits in plain Java, in double precision. A row of one
 * logit {@code z} is a binary model: class 1 has probability {@code sigmoid(z)}. A longer row is a
 * multi-class model read through a softmax.
 */
final class Metrics {

  private Metrics() {}

  static Evaluation evaluate(float[][] logits, int[] labels) {
    double loss = 0;
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      loss += crossEntropy(logits[i], labels[i]);
      correct += predictedClass(logits[i]) == labels[i] ? 1 : 0;
    }
    return new Evaluation(loss / labels.length, (double) correct / labels.length);
  }

  /** Counts the correct predictions in a flat batch of logits with {@code outputs} per image. */
  static int correct(float[] logits, int[] labels, int outputs) {
    int correct = 0;
    float[] row = new float[outputs];
    for (int i = 0; i < labels.length; i++) {
      System.arraycopy(logits, i * outputs, row, 0, outputs);
      correct += predictedClass(row) == labels[i] ? 1 : 0;
    }
    return correct;
  }

  /** Returns the predicted class: {@code z > 0} for one logit, else the argmax. */
  static int predictedClass(float[] logits) {
    return logits.length == 1 ? (logits[0] > 0 ? 1 : 0) : argmax(logits);
  }

  /** Returns the index of the largest value, the first one on ties. */
  static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  /**
   * Returns {@code -log p(label)}: softmax for several logits, computed stably by subtracting the
   * max, and the sigmoid of one logit for a binary row.
   */
  static double crossEntropy(float[] logits, int label) {
    if (logits.length == 1) {
      double signed = label == 1 ? logits[0] : -logits[0];
      return softplus(-signed);
    }
    double max = logits[argmax(logits)];
    double sum = 0;
    for (float logit : logits) {
      sum += Math.exp(logit - max);
    }
    return Math.log(sum) - (logits[label] - max);
  }

  /** Returns {@code log(1 + e^x)} without overflow. */
  private static double softplus(double x) {
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }
}
