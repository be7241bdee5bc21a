package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** Compares JSON documents with numbers compared by value, so that 1 equals 1.0. */
public final class JsonDocuments {

  /**
   * Orders numbers by value and other values by equality. DynamoDB returns the number 1.0 as 1,
   * which Jackson reads as an int, so a result read back from the table has an int where the result
   * object in S3 has a double.
   */
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return a.equals(b) ? 0 : 1;
      };

  private JsonDocuments() {}

  /** Asserts that two documents are equal, with numbers compared by value. */
  public static void assertSameDocument(JsonNode actual, JsonNode expected) {
    assertThat(actual.equals(NUMBERS_BY_VALUE, expected))
        .withFailMessage("expected: %s%n but was: %s", expected, actual)
        .isTrue();
  }
}
