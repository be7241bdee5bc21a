package org.imageclassifier.function.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

class LambdaJsonEncoderTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void writesFlatPowertoolsFields() throws Exception {
    LoggingEvent event =
        event(
            "Stored result",
            Map.of("function_request_id", "request-1", "cold_start", "true", "modelVersion", "v2"));
    event.addKeyValuePair(new KeyValuePair("objectKey", "uploads/a.png"));
    event.addKeyValuePair(new KeyValuePair("confidence", 0.93));
    event.addKeyValuePair(new KeyValuePair("stored", true));

    JsonNode json = encode(event);

    assertThat(json.get("level").asText()).isEqualTo("INFO");
    assertThat(json.get("message").asText()).isEqualTo("Stored result");
    assertThat(json.get("logger").asText()).isEqualTo("test");
    assertThat(json.get("service").asText()).isEqualTo("classify-images");
    assertThat(json.get("function_name").asText()).isEqualTo("stack-ClassifyFunction");
    assertThat(json.get("function_memory_size").asText()).isEqualTo("1024");
    assertThat(json.get("function_request_id").asText()).isEqualTo("request-1");
    assertThat(json.get("cold_start").isBoolean()).isTrue();
    assertThat(json.get("cold_start").asBoolean()).isTrue();
    assertThat(json.get("modelVersion").asText()).isEqualTo("v2");
    assertThat(json.get("objectKey").asText()).isEqualTo("uploads/a.png");
    assertThat(json.get("confidence").isDouble()).isTrue();
    assertThat(json.get("stored").asBoolean()).isTrue();
    assertThat(json.has("error")).isFalse();
    assertThat(json.get("timestamp").asText()).endsWith("Z");
  }

  @Test
  void writesErrorWithStack() throws Exception {
    LoggingEvent event = event("Record failed");
    event.setThrowableProxy(
        new ch.qos.logback.classic.spi.ThrowableProxy(new IllegalStateException("broken")));

    JsonNode error = encode(event).get("error");

    assertThat(error.get("name").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(error.get("message").asText()).isEqualTo("broken");
    assertThat(error.get("stack").asText()).contains("LambdaJsonEncoderTest");
  }

  @Test
  void oneLinePerEvent() {
    LambdaJsonEncoder encoder = encoder();

    String text = new String(encoder.encode(event("a\nb")), StandardCharsets.UTF_8);

    assertThat(text).endsWith("\n");
    assertThat(text.strip()).doesNotContain("\n");
  }

  @Test
  void serviceDefaultsWithoutEnvironment() throws Exception {
    LambdaJsonEncoder encoder = new LambdaJsonEncoder();
    encoder.setContext(new LoggerContext());
    encoder.start(Map.of());

    JsonNode json = MAPPER.readTree(encoder.encode(event("hello")));

    assertThat(json.get("service").asText()).isEqualTo("image-classifier");
    assertThat(json.has("function_name")).isFalse();
  }

  private static JsonNode encode(LoggingEvent event) throws Exception {
    return MAPPER.readTree(encoder().encode(event));
  }

  private static LambdaJsonEncoder encoder() {
    LambdaJsonEncoder encoder = new LambdaJsonEncoder();
    encoder.setContext(new LoggerContext());
    encoder.start(
        Map.of(
            "POWERTOOLS_SERVICE_NAME", "classify-images",
            "AWS_LAMBDA_FUNCTION_NAME", "stack-ClassifyFunction",
            "AWS_LAMBDA_FUNCTION_VERSION", "7",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024"));
    return encoder;
  }

  private static LoggingEvent event(String message) {
    return event(message, Map.of());
  }

  private static LoggingEvent event(String message, Map<String, String> mdc) {
    LoggingEvent event = new LoggingEvent();
    event.setLoggerName("test");
    event.setLevel(Level.INFO);
    event.setMessage(message);
    event.setTimeStamp(1_796_408_431_812L);
    event.setMDCPropertyMap(mdc);
    return event;
  }
}
