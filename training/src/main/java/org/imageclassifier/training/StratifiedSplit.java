package org.imageclassifier.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Splits image indices into a training and a held-out part with the same class proportions: from
 * each class, a seeded shuffle picks {@code round(fraction * classCount)} images to hold out.
 *
 * @param train indices kept for training, ascending
 * @param heldOut indices held out, ascending
 */
public record StratifiedSplit(int[] train, int[] heldOut) {

  /**
   * Splits the labels of a data set.
   *
   * @param labels class index of each image
   * @param classes number of classes
   * @param fraction share held out, in [0, 1)
   * @param seed seed of the shuffle
   */
  public static StratifiedSplit of(int[] labels, int classes, double fraction, long seed) {
    Random random = new Random(seed);
    boolean[] held = new boolean[labels.length];
    for (List<Integer> members : byClass(labels, classes)) {
      int[] order = NetworkTrainer.shuffle(members.size(), random);
      long count = Math.round(fraction * members.size());
      for (int i = 0; i < count; i++) {
        held[members.get(order[i])] = true;
      }
    }
    return new StratifiedSplit(indices(held, false), indices(held, true));
  }

  private static List<List<Integer>> byClass(int[] labels, int classes) {
    List<List<Integer>> members = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      members.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      members.get(labels[i]).add(i);
    }
    return members;
  }

  private static int[] indices(boolean[] held, boolean wanted) {
    int count = 0;
    for (boolean value : held) {
      count += value == wanted ? 1 : 0;
    }
    int[] result = new int[count];
    int next = 0;
    for (int i = 0; i < held.length; i++) {
      if (held[i] == wanted) {
        result[next++] = i;
      }
    }
    return result;
  }
}
