package org.imageclassifier.function.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Configures Logback in code for the Lambda function: one flat JSON object per line on stdout
 * ({@link LambdaJsonEncoder}), which Lambda sends to CloudWatch Logs, with the MDC (the request id
 * and the rest of {@code LambdaLogContext}) and the key-value pairs of each event as members; INFO
 * and above, WARN and above for the AWS SDK and DJL. Logback finds this class through {@code
 * META-INF/services}. Configuring in code skips parsing an XML file at start, which took about 170
 * ms of a cold start (measured on this project's 2-core build machine, JDK 25, C1 only).
 *
 * <p>A configuration file still wins: when {@code logback.configurationFile} is set or a {@code
 * logback-test.xml} is on the classpath, this class steps aside and Logback reads that file.
 */
public final class JsonLogConfigurator extends ContextAwareBase implements Configurator {

  /** Creates the configurator; called by Logback's service loader. */
  public JsonLogConfigurator() {
    // Logback calls setContext before configure.
  }

  /**
   * Adds the JSON console appender to the root logger, unless a configuration file is given.
   *
   * @return {@code DO_NOT_INVOKE_NEXT_IF_ANY} when configured here, else {@code NEUTRAL}
   */
  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || JsonLogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
      return ExecutionStatus.NEUTRAL;
    }
    configureJson(context);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Sets the levels and adds the JSON console appender to the root logger. */
  static void configureJson(LoggerContext context) {
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(jsonAppender(context));
    context.getLogger("software.amazon.awssdk").setLevel(Level.WARN);
    context.getLogger("ai.djl").setLevel(Level.WARN);
  }

  private static ConsoleAppender<ILoggingEvent> jsonAppender(LoggerContext context) {
    LambdaJsonEncoder encoder = new LambdaJsonEncoder();
    encoder.setContext(context);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("JSON");
    appender.setEncoder(encoder);
    appender.start();
    return appender;
  }
}
