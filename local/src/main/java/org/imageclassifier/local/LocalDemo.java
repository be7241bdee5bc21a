package org.imageclassifier.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.imageclassifier.emulators.DynaliteServer;
import org.imageclassifier.emulators.S3ProxyServer;
import org.imageclassifier.function.ClassifyHandler;
import org.imageclassifier.function.RecordOutcome;
import org.imageclassifier.function.RecordTelemetry;
import org.imageclassifier.function.ServingOptions;

/**
 * Classifies every file of a samples folder the way the deployed function would: S3Proxy and
 * dynalite start on 127.0.0.1, each file is uploaded under {@code uploads/}, the Lambda handler
 * runs in-process with the S3 event for the upload, and one line per object shows the outcome and
 * where the result went. The servers stop at the end and keep nothing. The CloudWatch metric
 * documents that the deployed function writes to its log are counted, not printed.
 *
 * <p>Usage: {@code LocalDemo [SAMPLES_FOLDER]}, default {@value #DEFAULT_SAMPLES}.
 */
public final class LocalDemo {

  /** Samples folder used when no argument is given, relative to the working directory. */
  public static final String DEFAULT_SAMPLES = "samples/uploads";

  private static final String LOGBACK_PROPERTY = "logback.configurationFile";

  private final PrintStream out;

  /** Creates a demo that prints to the given stream. */
  public LocalDemo(PrintStream out) {
    this.out = out;
  }

  /**
   * Runs the demo. The process exits with status 1 when the servers cannot start or a sample cannot
   * be processed; a sample stored as FAILED (not an image) is a normal outcome.
   *
   * @param args an optional samples folder
   */
  public static void main(String[] args) {
    if (System.getProperty(LOGBACK_PROPERTY) == null) {
      System.setProperty(LOGBACK_PROPERTY, "demo-logback.xml");
    }
    Path samples = Path.of(args.length > 0 ? args[0] : DEFAULT_SAMPLES);
    try {
      new LocalDemo(System.out).run(samples);
    } catch (IOException e) {
      System.err.println("Demo failed: " + e.getMessage());
      System.exit(1);
    } catch (RuntimeException e) {
      System.err.println("Demo failed: " + e);
      e.printStackTrace();
      System.exit(1);
    }
  }

  /**
   * Classifies every regular file in a folder, in name order, and prints the outcomes.
   *
   * @return the outcome per file
   * @throws IOException when the folder cannot be read or dynalite cannot start
   */
  public List<RecordOutcome> run(Path samples) throws IOException {
    List<Path> files = listFiles(samples);
    out.printf("Classifying %d files from %s%n", files.size(), samples);
    AtomicLong metricDocuments = new AtomicLong();
    try (S3ProxyServer s3Server = S3ProxyServer.start();
        DynaliteServer dynamoDbServer = DynaliteServer.start();
        LocalAccount account = LocalAccount.create(s3Server.endpoint(), dynamoDbServer.endpoint());
        ClassifyHandler handler =
            new ClassifyHandler(account.config(), servingOptions(metricDocuments))) {
      out.printf("S3 (S3Proxy): %s, bucket %s%n", s3Server.endpoint(), LocalAccount.BUCKET);
      out.printf(
          "DynamoDB (dynalite): %s, table %s%n%n", dynamoDbServer.endpoint(), LocalAccount.TABLE);
      List<RecordOutcome> outcomes = classifyAll(files, new SampleUploader(account, handler));
      out.printf(
          "CloudWatch metrics: %d embedded metric format documents (not printed)%n",
          metricDocuments.get());
      return outcomes;
    } finally {
      out.println("Servers stopped; the bucket and the table are gone.");
    }
  }

  /** Returns the serving options of the environment, with the metric documents only counted. */
  private static ServingOptions servingOptions(AtomicLong metricDocuments) {
    ServingOptions environment = ServingOptions.fromEnvironment(System.getenv());
    RecordTelemetry telemetry =
        new RecordTelemetry(
            RecordTelemetry.DEFAULT_NAMESPACE,
            "classify-samples",
            "local",
            document -> metricDocuments.incrementAndGet());
    return new ServingOptions(environment.model(), environment.confidenceThreshold(), telemetry);
  }

  private List<RecordOutcome> classifyAll(List<Path> files, SampleUploader uploader)
      throws IOException {
    OutcomeReport report = new OutcomeReport(out, LocalAccount.TABLE);
    report.header();
    List<RecordOutcome> outcomes = new ArrayList<>();
    for (Path file : files) {
      RecordOutcome outcome = uploader.classify(file);
      report.line(outcome);
      outcomes.add(outcome);
    }
    report.summary(outcomes);
    return outcomes;
  }

  private static List<Path> listFiles(Path samples) throws IOException {
    if (!Files.isDirectory(samples)) {
      throw new IOException(
          "Samples folder "
              + samples.toAbsolutePath()
              + " not found. Pass an existing folder as the argument, or run from the"
              + " repository root for the default "
              + DEFAULT_SAMPLES);
    }
    try (Stream<Path> entries = Files.list(samples)) {
      return entries.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
