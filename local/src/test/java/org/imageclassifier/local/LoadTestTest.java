package org.imageclassifier.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A small load test run: concurrent invocations with redelivered events leave exactly one item and
 * one result object per object. The figures of a full run are in docs/LOAD-TEST.md; this test
 * checks results only, never durations.
 */
class LoadTestTest {

  @Test
  void concurrentRedeliveriesLeaveOneResult() throws Exception {
    LoadTestOptions options =
        new LoadTestOptions(48, 6, 0.25, Path.of("..", "samples", "uploads"), 7L);

    LoadReport report = LoadTest.run(options);

    assertThat(report.failedInvocations()).isZero();
    assertThat(report.deliveries()).isGreaterThan(48);
    assertThat(report.stored()).isEqualTo(48);
    assertThat(report.duplicates()).isEqualTo(report.deliveries() - 48);
    assertThat(report.items()).isEqualTo(48);
    assertThat(report.keysWithOneItem()).isEqualTo(48);
    assertThat(report.resultObjects()).isEqualTo(48);
    assertThat(report.metricDocuments()).isEqualTo(report.deliveries());
    assertThat(report.latenciesMillis()).hasSize(report.deliveries());
    assertThat(report.verified()).isTrue();
  }

  @Test
  void optionsParsed() {
    LoadTestOptions options =
        LoadTestOptions.parse(
            new String[] {"--images", "10", "--threads", "3", "--duplicates", "0"});

    assertThat(options.images()).isEqualTo(10);
    assertThat(options.threads()).isEqualTo(3);
    assertThat(options.duplicateRate()).isZero();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--bogus 1|Unknown option '--bogus'",
        "--images|Option --images is missing its value",
        "--images ten|Invalid value 'ten' for --images: expected an integer",
        "--duplicates many|Invalid value 'many' for --duplicates: expected a number",
        "--threads 0|images and threads must be at least 1, were 2000 and 0",
      })
  void invalidOptionRejectedWithUsage(String line, String message) {
    String[] args = line.split(" ");

    assertThatThrownBy(() -> LoadTestOptions.parse(args))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message)
        .hasMessageEndingWith(LoadTestOptions.USAGE);
  }
}
