package org.imageclassifier.function;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.imageclassifier.core.BatchOutcome;
import org.imageclassifier.core.Classification;
import org.imageclassifier.core.ClassificationBatch;
import org.imageclassifier.core.ImageClassifier;
import org.imageclassifier.core.image.ImageDecodeException;
import org.imageclassifier.core.image.ImageDecoder;
import org.imageclassifier.core.model.InferenceException;
import org.imageclassifier.core.model.ModelLoadException;
import org.imageclassifier.function.ClassificationResult.Source;
import org.imageclassifier.function.ObjectDownloader.Download;
import org.imageclassifier.function.RecordOutcome.Disposition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Classifies the objects of S3 event records, the records of one event as one batch, and stores
 * each result. Permanent failures become FAILED results. Transient ones (SDK errors after retries,
 * engine failures) are reported per record, so that the invocation fails and Lambda retries the
 * event.
 *
 * <p>Thread-safe; one instance serves every invocation of an execution environment.
 */
public final class ClassifyService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClassifyService.class);

  private final FunctionConfig config;
  private final S3Client s3;
  private final DynamoDbClient dynamoDb;
  private final ImageClassifier classifier;
  private final ObjectDownloader downloader;
  private final ResultStore store;
  private final Results results;

  ClassifyService(
      FunctionConfig config, S3Client s3, DynamoDbClient dynamoDb, ImageClassifier classifier) {
    this.config = config;
    this.s3 = s3;
    this.dynamoDb = dynamoDb;
    this.classifier = classifier;
    this.downloader =
        new ObjectDownloader(s3, config.maxObjectBytes(), config.retry().readTimeout());
    this.store = new ResultStore(s3, dynamoDb, config, new ObjectMapper());
    this.results = new Results(classifier.contract());
  }

  /**
   * Creates the SDK clients and loads the bundled model. The clients are built on a second thread
   * while this one loads the model, because both mostly load classes and together they are most of
   * a cold start.
   *
   * @throws ModelLoadException when the bundled model is missing or invalid
   */
  public static ClassifyService create(FunctionConfig config) throws ModelLoadException {
    FutureTask<Clients> clients = new FutureTask<>(() -> Clients.create(config));
    Thread.ofPlatform().name("sdk-client-init").daemon().start(clients);
    ImageClassifier classifier;
    try {
      classifier = BundledModel.load(new ImageDecoder(config.pixelBudget()));
    } catch (ModelLoadException | RuntimeException e) {
      closeWhenBuilt(clients);
      throw e;
    }
    Clients built = await(clients, classifier);
    return new ClassifyService(config, built.s3(), built.dynamoDb(), classifier);
  }

  /** Returns the clients, or closes the classifier and rethrows what their creation threw. */
  private static Clients await(FutureTask<Clients> clients, ImageClassifier classifier) {
    try {
      return clients.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      classifier.close();
      throw new IllegalStateException("Interrupted while creating the SDK clients", e);
    } catch (ExecutionException e) {
      classifier.close();
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("Cannot create the SDK clients: " + e.getCause(), e);
    }
  }

  private static void closeWhenBuilt(FutureTask<Clients> clients) {
    try {
      clients.get().close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      LOG.debug("SDK client creation failed too", e.getCause());
    }
  }

  /** The S3 and DynamoDB clients of one execution environment. */
  private record Clients(S3Client s3, DynamoDbClient dynamoDb) implements AutoCloseable {

    static Clients create(FunctionConfig config) {
      S3Client s3 = AwsClients.s3(config);
      try {
        return new Clients(s3, AwsClients.dynamoDb(config));
      } catch (RuntimeException e) {
        s3.close();
        throw e;
      }
    }

    @Override
    public void close() {
      s3.close();
      dynamoDb.close();
    }
  }

  /**
   * Processes one record: skips objects that are not uploads, skips events whose result is already
   * stored, and otherwise classifies the object and stores the result.
   *
   * @param event the record
   * @param requestId the Lambda request id, stored in the result
   * @throws InferenceException when the engine fails (transient: the event is retried)
   * @throws software.amazon.awssdk.core.exception.SdkException when S3 or DynamoDB fail after the
   *     SDK's retries (transient)
   */
  public RecordOutcome process(ObjectEvent event, String requestId) throws InferenceException {
    RecordResult result = processAll(List.of(event), requestId).getFirst();
    if (result.failure() instanceof InferenceException e) {
      throw e;
    }
    if (result.failure() instanceof RuntimeException e) {
      throw e;
    }
    return result.outcome();
  }

  /**
   * Processes the records of one event as one batch. Each record is checked (not an upload, result
   * already stored) and downloaded on its own, and its image is decoded as soon as it arrives, so
   * that only one object's bytes are held at a time. Then the model runs once for all the decoded
   * images, and each result is stored. A record that fails for a transient reason (S3 or DynamoDB
   * after the SDK's retries) does not stop the others. An engine failure fails every record that
   * was waiting for the inference.
   *
   * @param events the records, in event order
   * @param requestId the Lambda request id, stored in the results
   * @return one result per record, in the order given: its outcome or its transient failure
   */
  public List<RecordResult> processAll(List<ObjectEvent> events, String requestId) {
    RecordResult[] done = new RecordResult[events.size()];
    ClassificationBatch batch = classifier.newBatch(events.size());
    List<Pending> pending = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      try {
        done[i] = prepare(events.get(i), requestId, batch, pending, i);
      } catch (RuntimeException e) {
        done[i] = RecordResult.failed(e);
      }
    }
    if (!pending.isEmpty()) {
      finish(batch, pending, requestId, done);
    }
    return List.of(done);
  }

  /**
   * Checks and downloads one record, and adds its image to the batch. Returns the record's result
   * when it needs no inference, or null after adding it to {@code pending}.
   */
  private RecordResult prepare(
      ObjectEvent event,
      String requestId,
      ClassificationBatch batch,
      List<Pending> pending,
      int index) {
    if (!shouldClassify(event)) {
      LOG.atDebug().addKeyValue("objectKey", event.key()).log("Skipped: not an upload");
      return RecordResult.of(RecordOutcome.skipped(event));
    }
    Optional<ClassificationResult> current = store.findCurrent(event);
    if (current.isPresent()) {
      LOG.atInfo().addKeyValue("objectKey", event.key()).log("Skipped: result already stored");
      return RecordResult.of(outcome(event, Disposition.DUPLICATE, current.get()));
    }
    long start = System.nanoTime();
    Download download;
    try {
      download = downloader.download(event);
    } catch (PermanentFailureException e) {
      ClassificationResult failed =
          results.failed(requestId, ObjectDownloader.source(event), e, null, start);
      return RecordResult.of(store(event, failed));
    }
    int slot = batch.add(download.bytes());
    pending.add(new Pending(index, slot, event, download.source(), download.millis(), start));
    return null;
  }

  /** Runs the batch's inference and stores the result of every pending record. */
  private void finish(
      ClassificationBatch batch, List<Pending> pending, String requestId, RecordResult[] done) {
    List<BatchOutcome> outcomes;
    try {
      outcomes = batch.classify();
    } catch (InferenceException | RuntimeException e) {
      pending.forEach(record -> done[record.index()] = RecordResult.failed(e));
      return;
    }
    for (Pending record : pending) {
      try {
        ClassificationResult result =
            record.result(results, outcomes.get(record.slot()), requestId);
        done[record.index()] = RecordResult.of(store(record.event(), result));
      } catch (RuntimeException e) {
        done[record.index()] = RecordResult.failed(e);
      }
    }
  }

  private RecordOutcome store(ObjectEvent event, ClassificationResult result) {
    boolean stored = store.store(event, result);
    log(result);
    return outcome(event, stored ? Disposition.STORED : Disposition.DUPLICATE, result);
  }

  /**
   * The result of one record of a batch: its outcome, or the transient failure that the handler
   * reports so that Lambda retries the event. Exactly one of the two is non-null.
   *
   * @param outcome what happened to the record, or null when it failed
   * @param failure an {@link InferenceException} or an SDK exception, or null
   */
  public record RecordResult(RecordOutcome outcome, Exception failure) {

    static RecordResult of(RecordOutcome outcome) {
      return new RecordResult(outcome, null);
    }

    static RecordResult failed(Exception failure) {
      return new RecordResult(null, failure);
    }
  }

  /** A downloaded record whose image waits in the batch for the inference. */
  private record Pending(
      int index, int slot, ObjectEvent event, Source source, double downloadMillis, long start) {

    ClassificationResult result(Results results, BatchOutcome outcome, String requestId) {
      if (outcome.isClassified()) {
        return results.classified(
            requestId, source, outcome.classification(), downloadMillis, start);
      }
      ImageDecodeException e = outcome.failure();
      PermanentFailureException failure =
          new PermanentFailureException(e.code().name(), e.getMessage(), e);
      return results.failed(requestId, source, failure, downloadMillis, start);
    }
  }

  /**
   * Classifies image bytes that are already in memory, such as the body of an API request. Nothing
   * is read from S3 or stored.
   *
   * @param bytes the encoded image; the format is detected from the bytes
   * @param requestId the Lambda request id, stored in the result
   * @return a CLASSIFIED or BELOW_THRESHOLD result whose source has only the size in bytes
   * @throws ImageDecodeException when the bytes are not a decodable image (permanent)
   * @throws InferenceException when the engine fails
   */
  public ClassificationResult classify(byte[] bytes, String requestId)
      throws ImageDecodeException, InferenceException {
    long start = System.nanoTime();
    Classification classification = classifier.classify(bytes);
    Source source = new Source(null, null, null, null, (long) bytes.length, null);
    return results.classified(requestId, source, classification, null, start);
  }

  /**
   * Returns the stored result of an object key, read from DynamoDB with a consistent read.
   *
   * @param objectKey the decoded object key, such as {@code uploads/shoe.png}
   * @return the result, or empty while none is stored
   */
  public Optional<ClassificationResult> storedResult(String objectKey) {
    return store.find(objectKey);
  }

  private boolean shouldClassify(ObjectEvent event) {
    return event.isObjectCreated()
        && !event.key().startsWith(config.resultsPrefix())
        && !event.key().endsWith("/");
  }

  private RecordOutcome outcome(
      ObjectEvent event, Disposition disposition, ClassificationResult result) {
    return new RecordOutcome(
        event.bucket(), event.key(), disposition, result, store.resultUri(event));
  }

  private static void log(ClassificationResult result) {
    var entry =
        LOG.atInfo()
            .addKeyValue("objectKey", result.source().key())
            .addKeyValue("status", result.status())
            .addKeyValue("totalMs", result.timingsMs().total());
    if (result.error() != null) {
      entry = entry.addKeyValue("errorCode", result.error().code());
    } else {
      entry =
          entry.addKeyValue("label", result.label()).addKeyValue("confidence", result.confidence());
    }
    entry.log("Stored result");
  }

  /** Closes the SDK clients and the model. */
  @Override
  public void close() {
    s3.close();
    dynamoDb.close();
    classifier.close();
  }
}
