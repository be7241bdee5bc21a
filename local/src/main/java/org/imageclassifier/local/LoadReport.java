package org.imageclassifier.local;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The figures and checks of a {@link LoadTest} run.
 *
 * @param options the settings of the run
 * @param deliveries how many events were delivered, redeliveries included
 * @param wallSeconds the time from the first invocation to the last response, in seconds
 * @param latenciesMillis the duration of every invocation, in milliseconds
 * @param stored how many records stored a new result
 * @param duplicates how many records found their result stored already
 * @param failedInvocations how many invocations threw
 * @param items how many result items the table holds for the run's keys
 * @param keysWithOneItem how many of the run's keys have exactly one item
 * @param resultObjects how many result objects the bucket holds for the run's keys
 * @param metricDocuments how many embedded metric format documents the function wrote
 */
public record LoadReport(
    LoadTestOptions options,
    int deliveries,
    double wallSeconds,
    double[] latenciesMillis,
    long stored,
    long duplicates,
    long failedInvocations,
    long items,
    long keysWithOneItem,
    long resultObjects,
    long metricDocuments) {

  /**
   * Returns whether every object has exactly one item and one result object, and nothing failed.
   */
  public boolean verified() {
    int images = options.images();
    return failedInvocations == 0
        && items == images
        && keysWithOneItem == images
        && resultObjects == images
        && stored == images
        && stored + duplicates == deliveries;
  }

  /** Returns the invocations per second over the whole run. */
  public double throughput() {
    return deliveries / wallSeconds;
  }

  /** Returns a percentile of the invocation durations, in milliseconds, by nearest rank. */
  public double percentile(double percent) {
    double[] sorted = latenciesMillis.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** Returns the mean invocation duration, in milliseconds. */
  public double meanMillis() {
    return Arrays.stream(latenciesMillis).average().orElse(Double.NaN);
  }

  /** Prints the figures and the verification. */
  public void print(PrintStream out) {
    out.printf(
        "objects %d, deliveries %d (%d redelivered), concurrency %d%n",
        options.images(), deliveries, deliveries - options.images(), options.threads());
    out.printf("wall time %.2f s, throughput %.1f invocations/s%n", wallSeconds, throughput());
    out.printf(
        "invocation ms: mean %.1f, p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n",
        meanMillis(), percentile(50), percentile(90), percentile(99), percentile(100));
    out.printf(
        "records: %d stored, %d duplicate; %d invocations failed%n",
        stored, duplicates, failedInvocations);
    out.printf(
        "table: %d items, %d keys with exactly one item; %d result objects; %d metric documents%n",
        items, keysWithOneItem, resultObjects, metricDocuments);
    out.println(verified() ? "VERIFIED: every object has exactly one result" : "NOT VERIFIED");
  }
}
