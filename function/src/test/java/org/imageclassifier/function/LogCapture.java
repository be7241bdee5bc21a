package org.imageclassifier.function;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.imageclassifier.function.logging.LambdaJsonEncoder;
import org.slf4j.LoggerFactory;

/**
 * Captures the log lines of the function as the Lambda function writes them (through {@link
 * LambdaJsonEncoder}) and parses each line as JSON. Attach it around the code under test and close
 * it afterwards.
 */
final class LogCapture implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
  private final Logger root;

  private LogCapture() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    LambdaJsonEncoder encoder = new LambdaJsonEncoder();
    encoder.setContext(context);
    encoder.start();
    appender.setContext(context);
    appender.setName("capture");
    appender.setEncoder(encoder);
    appender.setOutputStream(bytes);
    appender.start();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(appender);
  }

  /** Starts capturing every log line of the JVM. */
  static LogCapture start() {
    return new LogCapture();
  }

  /** Returns every captured line, parsed. */
  List<JsonNode> lines() {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        lines.add(parse(line));
      }
    }
    return lines;
  }

  /** Returns the captured lines with the given message. */
  List<JsonNode> withMessage(String message) {
    return lines().stream().filter(line -> message.equals(line.path("message").asText())).toList();
  }

  static JsonNode parse(String line) {
    try {
      return MAPPER.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException("Not a JSON line: " + line, e);
    }
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
