package org.imageclassifier.function.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class JsonLogConfiguratorTest {

  @Test
  void logLineIsJson() throws Exception {
    String line = logOneLine();

    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("level").asText()).isEqualTo("INFO");
    assertThat(json.get("message").asText()).isEqualTo("Stored result");
    assertThat(json.get("function_request_id").asText()).isEqualTo("request-1");
    assertThat(json.get("objectKey").asText()).isEqualTo("uploads/a.png");
  }

  @Test
  void sdkAndDjlLogOnlyWarnings() {
    LoggerContext context = new LoggerContext();
    JsonLogConfigurator.configureJson(context);

    assertThat(context.getLogger("software.amazon.awssdk").getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("ai.djl").getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
  }

  @Test
  void configurationFileWins() {
    // The test classpath has logback-test.xml, which Logback must read instead.
    JsonLogConfigurator configurator = new JsonLogConfigurator();
    LoggerContext context = new LoggerContext();
    configurator.setContext(context);

    assertThat(configurator.configure(context)).isEqualTo(ExecutionStatus.NEUTRAL);
  }

  private static String logOneLine() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    try {
      JsonLogConfigurator.configureJson(context);
      context.getMDCAdapter().put("function_request_id", "request-1");
      context
          .getLogger("test")
          .atInfo()
          .addKeyValue("objectKey", "uploads/a.png")
          .log("Stored result");
    } finally {
      context.stop();
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8).strip();
  }
}
