package org.imageclassifier.local;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Settings of a {@link LoadTest} run.
 *
 * @param images how many distinct objects are uploaded and classified
 * @param threads how many invocations run at once
 * @param duplicateRate the share of events that are delivered a second time, in [0, 1], as S3 may
 *     deliver an event more than once
 * @param samples the folder of files that the objects cycle through
 * @param seed the seed that picks the redelivered events and the delivery order
 */
public record LoadTestOptions(
    int images, int threads, double duplicateRate, Path samples, long seed) {

  /** Default number of objects. */
  public static final int DEFAULT_IMAGES = 2_000;

  /** Default concurrency. */
  public static final int DEFAULT_THREADS = 8;

  /** Default share of events delivered twice. */
  public static final double DEFAULT_DUPLICATE_RATE = 0.05;

  /** The command line, shown with every invalid option. */
  public static final String USAGE =
      "Usage: ./load-test [--images N] [--threads N] [--duplicates RATE] [--samples DIR]";

  /** Creates the settings and checks every field. */
  public LoadTestOptions {
    if (images < 1 || threads < 1) {
      throw new IllegalArgumentException(
          "images and threads must be at least 1, were %d and %d".formatted(images, threads));
    }
    if (!(duplicateRate >= 0.0 && duplicateRate <= 1.0)) {
      throw new IllegalArgumentException("duplicateRate must be in [0, 1], was " + duplicateRate);
    }
  }

  /**
   * Parses {@code [--images N] [--threads N] [--duplicates RATE] [--samples DIR]}.
   *
   * @throws IllegalArgumentException naming the option that is invalid
   */
  public static LoadTestOptions parse(String[] args) {
    int images = DEFAULT_IMAGES;
    int threads = DEFAULT_THREADS;
    double duplicates = DEFAULT_DUPLICATE_RATE;
    Path samples = Path.of("samples", "uploads");
    for (int i = 0; i < args.length; i += 2) {
      String option = args[i];
      if (!option.matches("--(images|threads|duplicates|samples)")) {
        throw new IllegalArgumentException("Unknown option '%s'. %s".formatted(option, USAGE));
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "Option %s is missing its value. %s".formatted(option, USAGE));
      }
      String value = args[i + 1];
      switch (option) {
        case "--images" -> images = value(option, value, "an integer", Integer::parseInt);
        case "--threads" -> threads = value(option, value, "an integer", Integer::parseInt);
        case "--duplicates" -> duplicates = value(option, value, "a number", Double::parseDouble);
        default -> samples = Path.of(value);
      }
    }
    try {
      return new LoadTestOptions(images, threads, duplicates, samples, 1L);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + ". " + USAGE, e);
    }
  }

  /** Parses the value of an option, naming the option and what it expects when that fails. */
  private static <T> T value(
      String option, String value, String expected, Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Invalid value '%s' for %s: expected %s. %s".formatted(value, option, expected, USAGE),
          e);
    }
  }
}
