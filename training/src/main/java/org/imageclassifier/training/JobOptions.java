package org.imageclassifier.training;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of {@link TrainingJob}.
 *
 * @param dataDirectory folder with the four Fashion-MNIST gzip IDX files
 * @param outputDirectory model folder to write model.onnx and model.json into
 * @param hyperparameters epochs, batch size, learning rate and seed
 * @param trainLimit training images to use from the start of the file; 0 uses all
 * @param testLimit test images to use from the start of the file; 0 uses all
 * @param parityImages test images compared between the trained network and the ONNX export
 * @param version model version written to model.json
 */
public record JobOptions(
    Path dataDirectory,
    Path outputDirectory,
    Hyperparameters hyperparameters,
    int trainLimit,
    int testLimit,
    int parityImages,
    String version) {

  /** Help text listing every option, its unit and its default. */
  public static final String USAGE =
      """
      Trains the Fashion-MNIST CNN and writes model.onnx and model.json.

      Options (each takes a value):
        --data-dir DIR        folder with the four gzip IDX files (default /usr/share/datasets/fashion-mnist)
        --output-dir DIR      model folder to write (default model)
        --epochs N            passes over the training set (default 12)
        --batch-size N        images per optimiser step (default 64)
        --learning-rate X     Adam learning rate (default 0.001)
        --seed N              random seed for initialisation and shuffling (default 42)
        --train-limit N       use only the first N training images; 0 uses all (default 0)
        --test-limit N        use only the first N test images; 0 uses all (default 0)
        --parity-images N     test images compared with ONNX Runtime (default 1000)
        --version V           model version (default: UTC start time, for example 20261204T1630Z)
        --help                print this text
      """;

  private static final Set<String> KEYS =
      Set.of(
          "data-dir",
          "output-dir",
          "epochs",
          "batch-size",
          "learning-rate",
          "seed",
          "train-limit",
          "test-limit",
          "parity-images",
          "version");

  private static final DateTimeFormatter VERSION_FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

  /** Creates options after checking the limits. */
  public JobOptions {
    requireAtLeast("trainLimit", trainLimit, 0);
    requireAtLeast("testLimit", testLimit, 0);
    requireAtLeast("parityImages", parityImages, 1);
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("version must not be blank, was '" + version + "'");
    }
  }

  /**
   * Parses {@code --name value} pairs.
   *
   * @param args the command-line arguments, without {@code --help}
   * @param now the run's start, which names the default version
   * @throws IllegalArgumentException naming the option and its invalid value
   */
  public static JobOptions parse(String[] args, Instant now) {
    Map<String, String> values = pairs(args);
    Hyperparameters hyperparameters =
        new Hyperparameters(
            integer(values, "epochs", 12),
            integer(values, "batch-size", 64),
            (float) decimal(values, "learning-rate", 0.001),
            integer(values, "seed", 42));
    return new JobOptions(
        Path.of(values.getOrDefault("data-dir", FashionMnist.DEBIAN_DIRECTORY.toString())),
        Path.of(values.getOrDefault("output-dir", "model")),
        hyperparameters,
        integer(values, "train-limit", 0),
        integer(values, "test-limit", 0),
        integer(values, "parity-images", ParityCheck.DEFAULT_IMAGES),
        values.getOrDefault("version", VERSION_FORMAT.format(now)));
  }

  private static Map<String, String> pairs(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      String key = args[i].startsWith("--") ? args[i].substring(2) : "";
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "Unknown option '" + args[i] + "'. Run with --help to list the options.");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + args[i] + " needs a value.");
      }
      values.put(key, args[i + 1]);
    }
    return values;
  }

  private static int integer(Map<String, String> values, String key, int fallback) {
    String value = values.get(key);
    try {
      return value == null ? fallback : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Invalid value for --" + key + ": '" + value + "' is not an integer", e);
    }
  }

  private static double decimal(Map<String, String> values, String key, double fallback) {
    String value = values.get(key);
    try {
      return value == null ? fallback : Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Invalid value for --" + key + ": '" + value + "' is not a number", e);
    }
  }

  private static void requireAtLeast(String field, int value, int minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(field + " must be at least " + minimum + ", was " + value);
    }
  }
}
