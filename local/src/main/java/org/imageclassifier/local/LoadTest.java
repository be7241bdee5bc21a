package org.imageclassifier.local;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.imageclassifier.emulators.DynaliteServer;
import org.imageclassifier.emulators.LocalLambdaContext;
import org.imageclassifier.emulators.S3Notifications;
import org.imageclassifier.emulators.S3ProxyServer;
import org.imageclassifier.function.ClassifyHandler;
import org.imageclassifier.function.RecordOutcome;
import org.imageclassifier.function.RecordTelemetry;
import org.imageclassifier.function.ResultsTable;
import org.imageclassifier.function.ServingOptions;
import org.imageclassifier.function.logging.LambdaJsonEncoder;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * A load test on one machine. It uploads objects to S3Proxy, then sends the S3 event of each, and a
 * second delivery of some, to one classify handler from several threads at once: concurrent
 * invocations in one JVM against S3Proxy and dynalite. It reports the throughput and the invocation
 * durations, and checks that every object ends with exactly one item and one result object. From
 * the command line, the function's log lines are encoded as in Lambda but discarded; its metric
 * documents are counted.
 *
 * <p>Usage: {@code LoadTest [--images N] [--threads N] [--duplicates RATE] [--samples DIR]}.
 */
public final class LoadTest {

  /** Key prefix of the run's objects. */
  static final String PREFIX = "uploads/load/";

  /** Invocations before the measured run, on keys of their own, so that the JIT has warmed up. */
  static final int WARM_UP = 50;

  private LoadTest() {}

  /** Runs the load test with the options of the command line and exits with 1 when unverified. */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(LoadTestOptions.USAGE);
      return;
    }
    LoadTestOptions options;
    try {
      options = LoadTestOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    discardFunctionLogs();
    LoadReport report = run(options);
    report.print(System.out);
    System.exit(report.verified() ? 0 : 1);
  }

  /** Starts the servers, runs the load test and stops them. */
  public static LoadReport run(LoadTestOptions options) throws Exception {
    try (S3ProxyServer s3Server = S3ProxyServer.start();
        DynaliteServer dynamoDbServer = DynaliteServer.start();
        LocalAccount account =
            LocalAccount.create(s3Server.endpoint(), dynamoDbServer.endpoint())) {
      return run(options, account);
    }
  }

  private static LoadReport run(LoadTestOptions options, LocalAccount account) throws Exception {
    List<byte[]> samples = readSamples(options.samples());
    List<S3Event> events = upload(account, samples, PREFIX, options.images());
    List<S3Event> deliveries = withRedeliveries(events, options);
    AtomicLong metricDocuments = new AtomicLong();
    RecordTelemetry telemetry =
        new RecordTelemetry(
            "ImageClassifier", "load-test", "load-test", line -> metricDocuments.incrementAndGet());
    try (ClassifyHandler handler =
        new ClassifyHandler(account.config(), ServingOptions.bundled(telemetry))) {
      warmUp(handler, upload(account, samples, "uploads/warm-up/", WARM_UP));
      metricDocuments.set(0);
      return measure(handler, deliveries, options, account, metricDocuments);
    }
  }

  private static LoadReport measure(
      ClassifyHandler handler,
      List<S3Event> deliveries,
      LoadTestOptions options,
      LocalAccount account,
      AtomicLong metricDocuments)
      throws InterruptedException {
    double[] latencies = new double[deliveries.size()];
    AtomicLong stored = new AtomicLong();
    AtomicLong duplicates = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<Future<?>> futures = new ArrayList<>();
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(options.threads())) {
      for (int i = 0; i < deliveries.size(); i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  long began = System.nanoTime();
                  try {
                    count(invoke(handler, deliveries.get(index)), stored, duplicates);
                  } catch (RuntimeException e) {
                    failed.incrementAndGet();
                  }
                  latencies[index] = (System.nanoTime() - began) / 1_000_000.0;
                }));
      }
    }
    double wallSeconds = (System.nanoTime() - start) / 1e9;
    Map<String, Integer> items = itemsPerKey(account);
    return new LoadReport(
        options,
        deliveries.size(),
        wallSeconds,
        latencies,
        stored.get(),
        duplicates.get(),
        failed.get(),
        items.values().stream().mapToLong(Integer::longValue).sum(),
        items.values().stream().filter(count -> count == 1).count(),
        resultObjects(account),
        metricDocuments.get());
  }

  private static RecordOutcome invoke(ClassifyHandler handler, S3Event event) {
    LocalLambdaContext context = new LocalLambdaContext("load-test", 1024, Duration.ofMinutes(1));
    return handler.handleRequest(event, context).records().getFirst();
  }

  private static void count(RecordOutcome outcome, AtomicLong stored, AtomicLong duplicates) {
    switch (outcome.disposition()) {
      case STORED -> stored.incrementAndGet();
      case DUPLICATE -> duplicates.incrementAndGet();
      case SKIPPED -> throw new IllegalStateException("Skipped " + outcome.key());
    }
  }

  private static void warmUp(ClassifyHandler handler, List<S3Event> events) {
    events.forEach(event -> invoke(handler, event));
  }

  /** Uploads {@code count} objects that cycle through the samples and returns their events. */
  private static List<S3Event> upload(
      LocalAccount account, List<byte[]> samples, String prefix, int count) {
    List<S3Event> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] bytes = samples.get(i % samples.size());
      String key = prefix + "%06d".formatted(i);
      PutObjectResponse response =
          account
              .s3()
              .putObject(b -> b.bucket(LocalAccount.BUCKET).key(key), RequestBody.fromBytes(bytes));
      events.add(
          S3Notifications.objectCreated(
              LocalAccount.BUCKET,
              key,
              bytes.length,
              S3Notifications.unquoteETag(response.eTag()),
              null,
              S3Notifications.nextSequencer()));
    }
    return events;
  }

  /** Returns every event once and a seeded share of them twice, in a seeded order. */
  private static List<S3Event> withRedeliveries(List<S3Event> events, LoadTestOptions options) {
    Random random = new Random(options.seed());
    List<S3Event> deliveries = new ArrayList<>(events);
    for (S3Event event : events) {
      if (random.nextDouble() < options.duplicateRate()) {
        deliveries.add(event);
      }
    }
    Collections.shuffle(deliveries, random);
    return deliveries;
  }

  private static Map<String, Integer> itemsPerKey(LocalAccount account) {
    DynamoDbClient dynamoDb = account.dynamoDb();
    Map<String, Integer> counts = new HashMap<>();
    dynamoDb
        .scanPaginator(b -> b.tableName(LocalAccount.TABLE))
        .items()
        .forEach(
            item -> {
              AttributeValue key = item.get(ResultsTable.KEY_ATTRIBUTE);
              if (key.s().startsWith(PREFIX)) {
                counts.merge(key.s(), 1, Integer::sum);
              }
            });
    return counts;
  }

  private static long resultObjects(LocalAccount account) {
    String prefix = account.config().resultKey(PREFIX).replace(".json", "");
    return account
        .s3()
        .listObjectsV2Paginator(b -> b.bucket(LocalAccount.BUCKET).prefix(prefix))
        .contents()
        .stream()
        .count();
  }

  private static List<byte[]> readSamples(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().map(LoadTest::read).toList();
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends the function's log lines through its JSON encoder to nowhere, so that encoding them is
   * part of the measured work but writing them to a terminal is not.
   */
  private static void discardFunctionLogs() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    LambdaJsonEncoder encoder = new LambdaJsonEncoder();
    encoder.setContext(context);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(OutputStream.nullOutputStream());
    appender.start();
    root.addAppender(appender);
  }
}
