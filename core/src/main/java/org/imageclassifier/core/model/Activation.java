package org.imageclassifier.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The function that turns a model's raw output into class probabilities. */
public enum Activation {
  /** Softmax over the output vector: one logit per class, probabilities sum to 1. */
  SOFTMAX,
  /**
   * Logistic sigmoid of a single logit {@code z}, the probability of the second label; the first
   * label gets {@code 1 - sigmoid(z)}.
   */
  SIGMOID,
  /** No activation: the output is used as it is. */
  NONE;

  /** Returns the lowercase name used in model.json. */
  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses the model.json name, ignoring case.
   *
   * @throws IllegalArgumentException when the name is not softmax, sigmoid or none
   */
  @JsonCreator
  public static Activation fromJson(String value) {
    for (Activation activation : values()) {
      if (activation.jsonName().equalsIgnoreCase(value)) {
        return activation;
      }
    }
    throw new IllegalArgumentException(
        "Invalid output activation '" + value + "': expected softmax, sigmoid or none");
  }

  /**
   * Applies the activation to one raw output vector.
   *
   * @param raw the model output for one image
   * @param classCount number of labels
   * @return probabilities, one per label
   */
  public float[] apply(float[] raw, int classCount) {
    return switch (this) {
      case SOFTMAX -> softmax(raw);
      case SIGMOID -> sigmoidPair(raw[0]);
      case NONE -> raw.clone();
    };
  }

  private static float[] softmax(float[] logits) {
    float max = Float.NEGATIVE_INFINITY;
    for (float logit : logits) {
      max = Math.max(max, logit);
    }
    double sum = 0;
    double[] exps = new double[logits.length];
    for (int i = 0; i < logits.length; i++) {
      exps[i] = Math.exp(logits[i] - max);
      sum += exps[i];
    }
    float[] probabilities = new float[logits.length];
    for (int i = 0; i < logits.length; i++) {
      probabilities[i] = (float) (exps[i] / sum);
    }
    return probabilities;
  }

  private static float[] sigmoidPair(float logit) {
    float positive = (float) (1.0 / (1.0 + Math.exp(-logit)));
    return new float[] {1f - positive, positive};
  }
}
