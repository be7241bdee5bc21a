package org.imageclassifier.function.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CloudWatch embedded metric format (EMF) document: a JSON object on one log line from which
 * CloudWatch Logs extracts metrics. The {@code _aws} member contains the timestamp and one metric
 * directive per list of dimension sets; every metric value, dimension value and other property is a
 * member of the root object.
 *
 * <p>Not thread-safe: build one document per log line.
 */
public final class EmfDocument {

  /** Maximum number of dimensions in one dimension set, a CloudWatch limit. */
  public static final int MAX_DIMENSIONS = 30;

  /** Maximum number of metrics in one document, a CloudWatch limit. */
  public static final int MAX_METRICS = 100;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String namespace;
  private final long timestampMillis;
  private final Map<String, Object> properties = new LinkedHashMap<>();
  private final Map<List<List<String>>, List<Metric>> directives = new LinkedHashMap<>();
  private final Map<String, Double> values = new LinkedHashMap<>();

  private record Metric(String name, MetricUnit unit) {}

  /**
   * Starts a document.
   *
   * @param namespace the CloudWatch namespace of every metric, such as {@code ImageClassifier}
   * @param timestampMillis when the metrics were observed, in milliseconds since the epoch
   */
  public EmfDocument(String namespace, long timestampMillis) {
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException("namespace must not be blank, was '" + namespace + "'");
    }
    this.namespace = namespace;
    this.timestampMillis = timestampMillis;
  }

  /**
   * Sets a root member: a dimension value or a property that only the log line carries. A null
   * value is left out.
   */
  public EmfDocument property(String name, Object value) {
    if (value != null) {
      properties.put(name, value);
    }
    return this;
  }

  /**
   * Adds a metric with one value, aggregated under each of the given dimension sets.
   *
   * @param name metric name, unique within the document
   * @param unit the unit of the value
   * @param value the observed value
   * @param dimensionSets lists of property names; each becomes a dimension set of the metric
   * @throws IllegalArgumentException when the name is taken or a dimension set is invalid
   */
  @SafeVarargs
  public final EmfDocument metric(
      String name, MetricUnit unit, double value, List<String>... dimensionSets) {
    if (values.containsKey(name) || properties.containsKey(name)) {
      throw new IllegalArgumentException("metric name must be unique, '" + name + "' is taken");
    }
    if (values.size() == MAX_METRICS) {
      throw new IllegalArgumentException(
          "a document carries at most " + MAX_METRICS + " metrics; split it");
    }
    List<List<String>> sets = List.of(dimensionSets);
    sets.forEach(EmfDocument::checkDimensionSet);
    directives.computeIfAbsent(sets, k -> new ArrayList<>()).add(new Metric(name, unit));
    values.put(name, value);
    return this;
  }

  /** Returns whether the document carries at least one metric. */
  public boolean hasMetrics() {
    return !values.isEmpty();
  }

  /**
   * Returns the document as one line of JSON.
   *
   * @throws IllegalStateException when a dimension has no string property of its name
   */
  public String toJson() {
    ObjectNode root = NODES.objectNode();
    ObjectNode aws = root.putObject("_aws");
    aws.put("Timestamp", timestampMillis);
    ArrayNode metrics = aws.putArray("CloudWatchMetrics");
    directives.forEach((sets, definitions) -> metrics.add(directive(sets, definitions)));
    properties.forEach((name, value) -> root.set(name, MAPPER.valueToTree(value)));
    values.forEach(root::put);
    return root.toString();
  }

  private ObjectNode directive(List<List<String>> sets, List<Metric> definitions) {
    ObjectNode directive = NODES.objectNode();
    directive.put("Namespace", namespace);
    ArrayNode dimensions = directive.putArray("Dimensions");
    for (List<String> set : sets) {
      ArrayNode names = dimensions.addArray();
      set.forEach(names::add);
      set.forEach(this::requireDimensionValue);
    }
    ArrayNode metrics = directive.putArray("Metrics");
    for (Metric metric : definitions) {
      metrics.addObject().put("Name", metric.name()).put("Unit", metric.unit().cloudWatchName());
    }
    return directive;
  }

  private void requireDimensionValue(String dimension) {
    if (!(properties.get(dimension) instanceof String)) {
      throw new IllegalStateException(
          "dimension '" + dimension + "' needs a string property of that name; set it first");
    }
  }

  private static void checkDimensionSet(List<String> set) {
    if (set.isEmpty() || set.size() > MAX_DIMENSIONS) {
      throw new IllegalArgumentException(
          "a dimension set has 1 to %d dimensions, was %s".formatted(MAX_DIMENSIONS, set));
    }
  }
}
