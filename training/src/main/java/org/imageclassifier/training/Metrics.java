package org.imageclassifier.training;

/** Accuracy and cross-entropy computed from logits in plain Java, in double precision. */
final class Metrics {

  private Metrics() {}

  static Evaluation evaluate(float[][] logits, int[] labels) {
    double loss = 0;
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      loss += crossEntropy(logits[i], labels[i]);
      correct += argmax(logits[i]) == labels[i] ? 1 : 0;
    }
    return new Evaluation(loss / labels.length, (double) correct / labels.length);
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

  /** Returns {@code -log softmax(logits)[label]}, computed stably by subtracting the max. */
  static double crossEntropy(float[] logits, int label) {
    double max = logits[argmax(logits)];
    double sum = 0;
    for (float logit : logits) {
      sum += Math.exp(logit - max);
    }
    return Math.log(sum) - (logits[label] - max);
  }
}
