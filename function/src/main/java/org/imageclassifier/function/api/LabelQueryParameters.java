package org.imageclassifier.function.api;

import java.util.Map;
import org.imageclassifier.function.LabelQuery;
import org.imageclassifier.function.Timestamps;

/**
 * Reads the query string of {@code GET /results?label=X[&since=T][&limit=N][&nextToken=...]}. API
 * Gateway delivers the parameters percent-decoded, so {@code label=T-shirt%2Ftop} is {@code
 * T-shirt/top}.
 */
final class LabelQueryParameters {

  /** The parameter with the label. */
  static final String LABEL = "label";

  /** The parameter with the earliest time, ISO-8601. */
  static final String SINCE = "since";

  /** The parameter with the page size. */
  static final String LIMIT = "limit";

  /** The parameter with the token of the previous page. */
  static final String NEXT_TOKEN = "nextToken";

  private LabelQueryParameters() {}

  /**
   * Reads the query.
   *
   * @param parameters the event's query string parameters; null when the URL has none
   * @throws ApiException 400 INVALID_REQUEST naming the parameter that is missing or invalid
   */
  static LabelQuery parse(Map<String, String> parameters) throws ApiException {
    Map<String, String> values = parameters == null ? Map.of() : parameters;
    String label = values.get(LABEL);
    if (label == null || label.isBlank()) {
      throw ApiErrors.invalidRequest(
          "The query has no label. Use GET /results?label=Sneaker[&since=2026-12-04T00:00:00Z][&limit=25]");
    }
    return new LabelQuery(
        label, since(values.get(SINCE)), limit(values.get(LIMIT)), token(values.get(NEXT_TOKEN)));
  }

  private static String since(String value) throws ApiException {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Timestamps.normalize(value.strip());
    } catch (IllegalArgumentException e) {
      throw ApiErrors.invalidRequest("since: " + e.getMessage());
    }
  }

  private static int limit(String value) throws ApiException {
    if (value == null || value.isBlank()) {
      return LabelQuery.DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value.strip());
      if (limit >= 1 && limit <= LabelQuery.MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw ApiErrors.invalidRequest(
        "limit must be a whole number from 1 to %d, was '%s'"
            .formatted(LabelQuery.MAX_LIMIT, value));
  }

  private static String token(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
