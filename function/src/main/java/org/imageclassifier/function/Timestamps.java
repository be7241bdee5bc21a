package org.imageclassifier.function;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The form of {@code classifiedAt}: ISO-8601 in UTC with exactly three fraction digits, such as
 * {@code 2026-12-04T16:20:31.800Z}. The fixed width makes the text order the time order, which the
 * results table's index by label and time sorts on; {@link Instant#toString()} drops trailing zero
 * digits and would order {@code 31.8Z} after {@code 31.812Z}.
 */
public final class Timestamps {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** Returns the current time in the fixed form. */
  public static String now() {
    return format(Instant.now());
  }

  /** Returns an instant in the fixed form, truncated to milliseconds. */
  public static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  /**
   * Parses an ISO-8601 instant ({@code 2026-12-04T16:20:31Z}) or date ({@code 2026-12-04}, the
   * start of that day in UTC) and returns it in the fixed form.
   *
   * @throws IllegalArgumentException when the text is neither
   */
  public static String normalize(String text) {
    try {
      return format(Instant.parse(text));
    } catch (DateTimeParseException e) {
      try {
        return format(java.time.LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
      } catch (DateTimeParseException dateFailure) {
        throw new IllegalArgumentException(
            "'%s' is not an ISO-8601 time such as 2026-12-04T16:20:31Z or a date such as 2026-12-04"
                .formatted(text),
            e);
      }
    }
  }
}
