package org.imageclassifier.function.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * Writes each log event as one flat JSON object per line, in the layout of Powertools for AWS
 * Lambda (Java): {@code timestamp}, {@code level}, {@code logger}, {@code message}, {@code
 * service}, the function's name, version and memory size, then every MDC entry (the request id,
 * cold start, trace id and model of {@code LambdaLogContext}) and every key-value pair of the event
 * as top-level members, and an {@code error} object with {@code name}, {@code message} and {@code
 * stack}. Flat members can be queried directly in CloudWatch Logs Insights, such as {@code filter
 * objectKey = "uploads/a.png"}.
 *
 * <p>The MDC entry {@code cold_start} is written as a boolean, numbers and booleans of key-value
 * pairs keep their type, and every other value is written as its string form.
 */
public final class LambdaJsonEncoder extends EncoderBase<ILoggingEvent> {

  private static final JsonFactory JSON = new JsonFactory();
  private static final byte[] NO_BYTES = new byte[0];

  private final Map<String, String> functionFields = new LinkedHashMap<>();

  /** Creates the encoder; the function fields are read from the environment in {@link #start}. */
  public LambdaJsonEncoder() {
    // Configured by start().
  }

  /**
   * Reads the service name ({@code POWERTOOLS_SERVICE_NAME}, default {@code image-classifier}) and
   * the function's name, version and memory size from the variables that Lambda sets.
   */
  @Override
  public void start() {
    start(System.getenv());
  }

  /** Starts the encoder with the given environment variables instead of the process's. */
  void start(Map<String, String> environment) {
    String service = environment.get("POWERTOOLS_SERVICE_NAME");
    functionFields.put(
        "service", service == null || service.isBlank() ? "image-classifier" : service);
    putIfSet(environment, "AWS_LAMBDA_FUNCTION_NAME", "function_name");
    putIfSet(environment, "AWS_LAMBDA_FUNCTION_VERSION", "function_version");
    putIfSet(environment, "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "function_memory_size");
    super.start();
  }

  @Override
  public byte[] headerBytes() {
    return NO_BYTES;
  }

  @Override
  public byte[] footerBytes() {
    return NO_BYTES;
  }

  /** Returns the event as one line of JSON, ending in a newline. */
  @Override
  public byte[] encode(ILoggingEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      writeHeader(json, event);
      writeMdc(json, event.getMDCPropertyMap());
      writeKeyValues(json, event.getKeyValuePairs());
      writeError(json, event.getThrowableProxy());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write a log event as JSON", e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  private void writeHeader(JsonGenerator json, ILoggingEvent event) throws IOException {
    json.writeStringField("timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
    json.writeStringField("level", event.getLevel().toString());
    json.writeStringField("logger", event.getLoggerName());
    json.writeStringField("message", event.getFormattedMessage());
    for (Map.Entry<String, String> field : functionFields.entrySet()) {
      json.writeStringField(field.getKey(), field.getValue());
    }
  }

  private static void writeMdc(JsonGenerator json, Map<String, String> mdc) throws IOException {
    for (Map.Entry<String, String> entry : mdc.entrySet()) {
      if (entry.getValue() == null) {
        continue;
      }
      json.writeFieldName(entry.getKey());
      if (entry.getKey().equals("cold_start")) {
        json.writeBoolean(Boolean.parseBoolean(entry.getValue()));
      } else {
        json.writeString(entry.getValue());
      }
    }
  }

  private static void writeKeyValues(JsonGenerator json, List<KeyValuePair> pairs)
      throws IOException {
    if (pairs == null) {
      return;
    }
    for (KeyValuePair pair : pairs) {
      json.writeFieldName(pair.key);
      writeValue(json, pair.value);
    }
  }

  private static void writeValue(JsonGenerator json, Object value) throws IOException {
    switch (value) {
      case null -> json.writeNull();
      case Integer number -> json.writeNumber(number);
      case Long number -> json.writeNumber(number);
      case Double number -> json.writeNumber(number);
      case Float number -> json.writeNumber(number);
      case Boolean flag -> json.writeBoolean(flag);
      default -> json.writeString(value.toString());
    }
  }

  private static void writeError(JsonGenerator json, IThrowableProxy error) throws IOException {
    if (error == null) {
      return;
    }
    json.writeObjectFieldStart("error");
    json.writeStringField("name", error.getClassName());
    json.writeStringField("message", error.getMessage());
    json.writeStringField("stack", ThrowableProxyUtil.asString(error));
    json.writeEndObject();
  }

  private void putIfSet(Map<String, String> environment, String variable, String field) {
    String value = environment.get(variable);
    if (value != null && !value.isBlank()) {
      functionFields.put(field, value);
    }
  }
}
