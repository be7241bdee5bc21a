package org.imageclassifier.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Parses SageMaker hyperparameters, where every value arrives as a string, into typed {@link
 * JobSettings}. An unknown key or an invalid value raises an {@link IllegalArgumentException} that
 * names the key, the value and what is allowed. Missing keys take the defaults listed in {@link
 * #USAGE}.
 */
public final class HyperparameterParser {

  /** Every key, its type and default, as shown in the help text and in failure messages. */
  public static final String USAGE =
      """
      Hyperparameters (all optional; SageMaker passes each value as a string):
        epochs              passes over the training set, 1 to 1000 (default 12)
        batch_size          images per optimiser step, 1 to 4096 (default 64)
        seed                seed of every random choice, an integer (default 42)
        optimizer           adam or sgd (default adam)
        learning_rate       base learning rate, > 0 and <= 10 (default 0.001)
        momentum            SGD momentum, 0 to 0.999 (default 0.9)
        weight_decay        L2 penalty on all parameters, 0 to 1 (default 0)
        lr_schedule         constant, cosine or step (default constant)
        warmup_epochs       epochs of linear warm-up, 0 to epochs (default 0)
        lr_step_epochs      epochs between step decays, 1 to 1000 (default 10)
        lr_step_factor      factor of each step decay, > 0 and <= 1 (default 0.1)
        filters             filters per convolution block, comma-separated (default 32,64)
        convs_per_block     3x3 convolutions per block, 1 or 2 (default 1)
        batch_norm          batch normalisation after each convolution, true or false (default false)
        dropout             dropout rate before the dense layer, 0 to 0.9 (default 0)
        head                flatten or global_average (default flatten)
        crop_padding        random-crop padding in pixels, 0 to 8; 0 is off (default 0)
        horizontal_flip     mirror half of the training images, true or false (default false)
        validation_fraction share held out when there is no validation channel, 0 to 0.5 (default 0.1)
        image_size          input height and width for image folders, 8 to 512 (default 28)
        image_channels      input channels for image folders, 1 or 3 (default 1)
        train_limit         use at most N training images, 0 is all (default 0)
        test_limit          use at most N test images, 0 is all (default 0)
        class_names         class names of IDX data, comma-separated (default: the Fashion-MNIST names)
        model_name          name written to model.json (default fashion-mnist-cnn)
        model_version       version written to model.json (default: UTC start time, 20261204T1630Z)
        parity_images       images compared between the network and its ONNX export, 1 to 100000 (default 1000)
        test_time_flip      evaluate and export the mean of the logits of each image and its mirror
                            image, true or false; training is unchanged (default false)
        confidence_threshold confidenceThreshold written to model.json, 0 to 1: the function
                            records a top-1 probability below it as BELOW_THRESHOLD (default 0)
      """;

  private final Map<String, String> raw;
  private final Set<String> used = new HashSet<>();

  private HyperparameterParser(Map<String, String> raw) {
    this.raw = new TreeMap<>(raw);
  }

  /**
   * Parses the hyperparameters.
   *
   * @param raw key to string value, as in {@code hyperparameters.json}
   * @throws IllegalArgumentException naming the key, the value and what is allowed
   */
  public static JobSettings parse(Map<String, String> raw) {
    HyperparameterParser parser = new HyperparameterParser(raw);
    JobSettings settings = parser.settings();
    parser.rejectUnknown();
    return settings;
  }

  private JobSettings settings() {
    int epochs = integer("epochs", 12, 1, 1000);
    Hyperparameters hyperparameters =
        new Hyperparameters(
            epochs,
            integer("batch_size", 64, 1, 4096),
            integer("seed", 42, Integer.MIN_VALUE, Integer.MAX_VALUE),
            optimization(epochs),
            architecture(),
            new Hyperparameters.Augmentation(
                integer("crop_padding", 0, 0, 8), bool("horizontal_flip", false)),
            data());
    return new JobSettings(
        hyperparameters,
        names("class_names"),
        text("model_name", TrainingPipeline.MODEL_NAME),
        text("model_version", null),
        integer("parity_images", ParityCheck.DEFAULT_IMAGES, 1, 100_000),
        bool("test_time_flip", false),
        decimal("confidence_threshold", 0, 0, true, 1),
        raw);
  }

  private Hyperparameters.Optimization optimization(int epochs) {
    return new Hyperparameters.Optimization(
        choice("optimizer", Hyperparameters.OptimizerKind.ADAM),
        (float) decimal("learning_rate", 0.001, 0, false, 10),
        (float) decimal("momentum", 0.9, 0, true, 0.999),
        (float) decimal("weight_decay", 0, 0, true, 1),
        choice("lr_schedule", Hyperparameters.ScheduleKind.CONSTANT),
        integer("warmup_epochs", 0, 0, epochs),
        integer("lr_step_epochs", 10, 1, 1000),
        (float) decimal("lr_step_factor", 0.1, 0, false, 1));
  }

  private Architecture architecture() {
    return new Architecture(
        filters(),
        integer("convs_per_block", 1, 1, 2),
        bool("batch_norm", false),
        (float) decimal("dropout", 0, 0, true, 0.9),
        choice("head", Head.FLATTEN) == Head.GLOBAL_AVERAGE);
  }

  private Hyperparameters.DataSettings data() {
    return new Hyperparameters.DataSettings(
        decimal("validation_fraction", 0.1, 0, true, 0.5),
        integer("image_size", 28, 8, 512),
        integer("image_channels", 1, 1, 3, "1 or 3", v -> v != 2),
        integer("train_limit", 0, 0, Integer.MAX_VALUE),
        integer("test_limit", 0, 0, Integer.MAX_VALUE));
  }

  /** Heads the network can end with. */
  private enum Head {
    FLATTEN,
    GLOBAL_AVERAGE
  }

  private String value(String key) {
    used.add(key);
    String value = raw.get(key);
    return value == null ? null : value.trim();
  }

  private int integer(String key, int fallback, int min, int max) {
    return integer(
        key, fallback, min, max, "an integer from %d to %d".formatted(min, max), v -> true);
  }

  private int integer(
      String key, int fallback, int min, int max, String allowed, IntPredicate extra) {
    String value = value(key);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max && extra.test(parsed)) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      throw invalid(key, value, allowed);
    }
    throw invalid(key, value, allowed);
  }

  /** Integer check beyond the range, without boxing. */
  private interface IntPredicate {
    boolean test(int value);
  }

  private double decimal(String key, double fallback, double min, boolean minIncluded, double max) {
    String value = value(key);
    if (value == null) {
      return fallback;
    }
    String allowed = "a number %s %s and <= %s".formatted(minIncluded ? ">=" : ">", min, max);
    try {
      double parsed = Double.parseDouble(value);
      boolean aboveMin = minIncluded ? parsed >= min : parsed > min;
      if (Double.isFinite(parsed) && aboveMin && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      throw invalid(key, value, allowed);
    }
    throw invalid(key, value, allowed);
  }

  private boolean bool(String key, boolean fallback) {
    String value = value(key);
    if (value == null) {
      return fallback;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(key, value, "true or false");
    };
  }

  private <E extends Enum<E>> E choice(String key, E fallback) {
    String value = value(key);
    if (value == null) {
      return fallback;
    }
    E[] constants = fallback.getDeclaringClass().getEnumConstants();
    for (E constant : constants) {
      if (constant.name().equalsIgnoreCase(value)) {
        return constant;
      }
    }
    List<String> allowed =
        Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    throw invalid(key, value, "one of " + String.join(", ", allowed));
  }

  private List<Integer> filters() {
    String value = value("filters");
    if (value == null) {
      return List.of(32, 64);
    }
    String allowed = "1 to 6 comma-separated integers from 1 to 1024, for example 32,64,128";
    List<Integer> filters = new ArrayList<>();
    try {
      for (String part : value.split(",", -1)) {
        filters.add(Integer.parseInt(part.trim()));
      }
    } catch (NumberFormatException e) {
      throw invalid("filters", value, allowed);
    }
    if (filters.isEmpty()
        || filters.size() > 6
        || filters.stream().anyMatch(f -> f < 1 || f > 1024)) {
      throw invalid("filters", value, allowed);
    }
    return filters;
  }

  private List<String> names(String key) {
    String value = value(key);
    if (value == null) {
      return null;
    }
    List<String> names = Arrays.stream(value.split(",", -1)).map(String::trim).toList();
    if (names.size() < 2
        || names.stream().anyMatch(String::isEmpty)
        || new HashSet<>(names).size() != names.size()) {
      throw invalid(key, value, "2 or more distinct non-empty names, comma-separated");
    }
    return names;
  }

  private String text(String key, String fallback) {
    String value = value(key);
    if (value == null) {
      return fallback;
    }
    if (!value.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
      throw invalid(
          key, value, "1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return value;
  }

  private void rejectUnknown() {
    Set<String> unknown = new TreeSet<>(raw.keySet());
    unknown.removeAll(used);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "Unknown hyperparameter %s. Allowed keys: %s. Fix or remove the key in the job's hyperparameters."
              .formatted(unknown.stream().map(k -> "'" + k + "'").toList(), new TreeSet<>(used)));
    }
  }

  private static IllegalArgumentException invalid(String key, String value, String allowed) {
    return new IllegalArgumentException(
        "Invalid hyperparameter %s='%s': expected %s. Fix the value in the job's hyperparameters."
            .formatted(key, value, allowed));
  }
}
