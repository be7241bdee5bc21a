package org.imageclassifier.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.imageclassifier.function.api.Route;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lints template.yaml (with the IAM and the JWT authorization) and every infra/*.yaml with the npm
 * package cfn-lint, offline. That linter is older than HTTP APIs, SnapStart and several SAM
 * properties, so the findings it reports for them are listed with their reasons in {@code
 * cfn-lint-known-false-positives.json}. Any other finding fails the test, and so does a listed one
 * that the linter no longer reports.
 */
class TemplateLintTest {

  private static final Path ROOT = Path.of("..");
  private static final String KNOWN = "cfn-lint-known-false-positives.json";
  private static final long TIMEOUT_SECONDS = 120;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode report;

  @BeforeAll
  static void lint(@TempDir Path output) throws Exception {
    String stdout = NodeScript.run("lint-templates.cjs", output, TIMEOUT_SECONDS, ROOT.toString());
    report = MAPPER.readTree(stdout);
  }

  @Test
  void everyTemplateWasLinted() {
    Set<String> files = new HashSet<>();
    report.get("files").forEach(file -> files.add(file.get("file").asText()));

    assertThat(report.get("files").size()).isGreaterThanOrEqualTo(2);
    assertThat(files).contains("template.yaml");
  }

  @Test
  void onlyKnownFalsePositives() throws IOException {
    Set<String> known = known();

    Set<String> unexpected = new TreeSet<>(reported());
    unexpected.removeAll(known);

    assertThat(unexpected).as("cfn-lint findings that are not known false positives").isEmpty();
  }

  @Test
  void knownFalsePositivesStillReported() throws IOException {
    Set<String> stale = new TreeSet<>(known());
    stale.removeAll(reported());

    assertThat(stale)
        .as("entries of %s that cfn-lint no longer reports; remove them", KNOWN)
        .isEmpty();
  }

  @Test
  void templateRoutesMatchHandler() throws IOException {
    String template = Files.readString(ROOT.resolve("template.yaml"), StandardCharsets.UTF_8);
    Matcher matcher = Pattern.compile("(?m)^\\s+RouteKey: (.+)$").matcher(template);
    Set<String> routeKeys = new TreeSet<>();
    while (matcher.find()) {
      routeKeys.add(matcher.group(1).strip());
    }

    Set<String> handled =
        Arrays.stream(Route.values())
            .map(Route::routeKey)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(routeKeys).isEqualTo(handled);
  }

  /** Returns every finding of every run as {@code file: resource: message}. */
  private static Set<String> reported() {
    Set<String> findings = new TreeSet<>();
    for (JsonNode file : report.get("files")) {
      for (String level : List.of("crit", "warn")) {
        file.get(level).forEach(finding -> findings.add(key(finding)));
      }
    }
    return findings;
  }

  private static Set<String> known() throws IOException {
    try (InputStream in = TemplateLintTest.class.getClassLoader().getResourceAsStream(KNOWN)) {
      JsonNode list = MAPPER.readTree(in).get("findings");
      Set<String> findings = new TreeSet<>();
      list.forEach(
          finding -> {
            assertThat(finding.path("reason").asText()).as("reason of %s", finding).isNotBlank();
            findings.add(key(finding));
          });
      return findings;
    }
  }

  private static String key(JsonNode finding) {
    return finding.get("resource").asText() + ": " + finding.get("message").asText();
  }
}
