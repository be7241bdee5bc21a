package org.imageclassifier.local;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.imageclassifier.function.ClassificationResult;
import org.imageclassifier.function.ClassificationResult.Status;
import org.imageclassifier.function.RecordOutcome;

/** Prints one line per classified object and a closing count per status. */
final class OutcomeReport {

  private static final String ROW = "%-30s %-15s %-14s %-10s %s%n";

  private final PrintStream out;
  private final String table;

  OutcomeReport(PrintStream out, String table) {
    this.out = out;
    this.table = table;
  }

  void header() {
    out.printf(ROW, "KEY", "STATUS", "LABEL", "CONFIDENCE", "RESULT");
  }

  /** Prints the object key, status, label (or error code), confidence and result locations. */
  void line(RecordOutcome outcome) {
    ClassificationResult result = outcome.result();
    if (result == null) {
      out.printf(ROW, outcome.key(), outcome.disposition(), "-", "-", "not classified");
      return;
    }
    boolean failed = result.status() == Status.FAILED;
    String label = failed ? result.error().code() : result.label();
    String confidence = failed ? "-" : String.format(Locale.ROOT, "%.4f", result.confidence());
    String where = outcome.resultUri() + " + DynamoDB " + table;
    out.printf(ROW, outcome.key(), result.status(), label, confidence, where);
  }

  /** Prints how many objects ended in each status. */
  void summary(List<RecordOutcome> outcomes) {
    Map<Status, Long> counts =
        outcomes.stream()
            .filter(outcome -> outcome.result() != null)
            .collect(
                Collectors.groupingBy(
                    outcome -> outcome.result().status(),
                    () -> new EnumMap<>(Status.class),
                    Collectors.counting()));
    String perStatus =
        Arrays.stream(Status.values())
            .map(status -> counts.getOrDefault(status, 0L) + " " + status)
            .collect(Collectors.joining(", "));
    out.printf("%n%d objects: %s%n", outcomes.size(), perStatus);
  }
}
