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
  private final RecordTelemetry telemetry;

  ClassifyService(
      FunctionConfig config,
      S3Client s3,
      DynamoDbClient dynamoDb,
      ImageClassifier classifier,
      ServingOptions options) {
    this.config = config;
    this.s3 = s3;
    this.dynamoDb = dynamoDb;
    this.classifier = classifier;
    this.downloader =
        new ObjectDownloader(s3, config.maxObjectBytes(), config.retry().readTimeout());
    this.store = new ResultStore(s3, dynamoDb, config, new ObjectMapper());
    this.results = new Results(classifier.contract(), options.confidenceThreshold());
    this.telemetry = options.telemetry();
  }

  /**
   * Creates the SDK clients and loads the model, with the serving options of the environment
   * variables ({@link ServingOptions#fromEnvironment}).
   *
   * @throws ModelLoadException when the model is missing or invalid
   */
  public static ClassifyService create(FunctionConfig config) throws ModelLoadException {
    return create(config, ServingOptions.fromEnvironment(System.getenv()));
  }

  /**
   * Creates the SDK clients and loads the model: from S3 when the options name a location, else the
   * bundled model. The clients are built on a second thread while this one loads the bundled model,
   * because both mostly load classes and together they are most of a cold start. A model in S3
   * waits for the S3 client.
   *
   * @throws ModelLoadException when the model is missing or invalid; a location that is set but
   *     broken never falls back to the bundled model
   */
  public static ClassifyService create(FunctionConfig config, ServingOptions options)
      throws ModelLoadException {
    long start = System.nanoTime();
    FutureTask<Clients> clients = new FutureTask<>(() -> Clients.create(config));
    Thread.ofPlatform().name("sdk-client-init").daemon().start(clients);
    ImageClassifier classifier;
    try {
      classifier = loadModel(config, options, clients);
    } catch (ModelLoadException | RuntimeException e) {
      closeWhenBuilt(clients);
      throw e;
    }
    Clients built = await(clients, classifier);
    ClassifyService service =
        new ClassifyService(config, built.s3(), built.dynamoDb(), classifier, options);
    options.telemetry().initialized(service.model(), ObjectDownloader.millisSince(start));
    return service;
  }

  private static ImageClassifier loadModel(
      FunctionConfig config, ServingOptions options, FutureTask<Clients> clients)
      throws ModelLoadException {
    ImageDecoder decoder = new ImageDecoder(config.pixelBudget());
    if (options.model() == null) {
      return BundledModel.load(decoder);
    }
    return S3ModelLoader.load(awaitS3(clients), options.model(), decoder);
  }

  /** Returns the S3 client once it is built, or rethrows what its creation threw. */
  private static S3Client awaitS3(FutureTask<Clients> clients) {
    try {
      return clients.get().s3();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating the SDK clients", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("Cannot create the SDK clients: " + e.getCause(), e);
    }
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
    return run(events, requestId, false);
  }

  /**
   * Classifies objects again with the serving model, as {@link #processAll} does, for S3 Batch
   * Operations. An object whose stored result comes from the serving model (same version and
   * SHA-256) is skipped as DUPLICATE. Another stored result is replaced, and the replacement keeps
   * its event order, so a later S3 event of the key still wins. A result that changed since it was
   * read is left alone and reported as DUPLICATE.
   *
   * @param events the objects, as records without a sequencer
   * @param requestId the Lambda request id, stored in the results
   * @return one result per record, in the order given: its outcome or its transient failure
   */
  public List<RecordResult> reclassifyAll(List<ObjectEvent> events, String requestId) {
    return run(events, requestId, true);
  }

  private List<RecordResult> run(List<ObjectEvent> events, String requestId, boolean reclassify) {
    if (events.isEmpty()) {
      return List.of();
    }
    RecordResult[] done = new RecordResult[events.size()];
    ClassificationBatch batch = classifier.newBatch(events.size());
    List<Pending> pending = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      try {
        done[i] = prepare(events.get(i), requestId, batch, pending, i, reclassify);
      } catch (RuntimeException e) {
        done[i] = RecordResult.failed(e);
      }
    }
    if (!pending.isEmpty()) {
      finish(batch, pending, requestId, done);
    }
    for (int i = 0; i < done.length; i++) {
      if (done[i].failure() != null) {
        telemetry.retry(events.get(i).key(), done[i].failure());
      }
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
      int index,
      boolean reclassify) {
    if (!shouldClassify(event)) {
      LOG.atDebug().addKeyValue("objectKey", event.key()).log("Skipped: not an upload");
      telemetry.unchanged(event.key(), RecordTelemetry.Outcome.SKIPPED);
      return RecordResult.of(RecordOutcome.skipped(event));
    }
    Write write;
    if (reclassify) {
      Optional<ResultStore.Stored> stored = store.findStored(event.key());
      if (stored.isPresent() && isServingModel(stored.get().result())) {
        return duplicate(event, stored.get().result(), "Skipped: classified by this model");
      }
      write = new Write(event, stored.orElse(null), true);
    } else {
      Optional<ClassificationResult> current = store.findCurrent(event);
      if (current.isPresent()) {
        return duplicate(event, current.get(), "Skipped: result already stored");
      }
      write = new Write(event, null, false);
    }
    long start = System.nanoTime();
    Download download;
    try {
      download = downloader.download(event);
    } catch (PermanentFailureException e) {
      ClassificationResult failed =
          results.failed(requestId, ObjectDownloader.source(event), e, null, start);
      return RecordResult.of(store(write, failed));
    }
    int slot = batch.add(download.bytes());
    pending.add(new Pending(index, slot, write, download.source(), download.millis(), start));
    return null;
  }

  private RecordResult duplicate(ObjectEvent event, ClassificationResult stored, String message) {
    LOG.atInfo().addKeyValue("objectKey", event.key()).log(message);
    telemetry.unchanged(event.key(), RecordTelemetry.Outcome.DUPLICATE);
    return RecordResult.of(outcome(event, Disposition.DUPLICATE, stored));
  }

  private boolean isServingModel(ClassificationResult stored) {
    ClassificationResult.ModelInfo serving = model();
    return stored.model() != null
        && serving.version().equals(stored.model().version())
        && serving.sha256().equals(stored.model().sha256());
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
        done[record.index()] = RecordResult.of(store(record.write(), result));
      } catch (RuntimeException e) {
        done[record.index()] = RecordResult.failed(e);
      }
    }
  }

  private RecordOutcome store(Write write, ClassificationResult result) {
    long start = System.nanoTime();
    boolean stored =
        write.replace()
            ? store.replace(write.event(), result, write.previous())
            : store.store(write.event(), result);
    telemetry.stored(result, stored, ObjectDownloader.millisSince(start));
    return outcome(write.event(), stored ? Disposition.STORED : Disposition.DUPLICATE, result);
  }

  /**
   * The write of a record's result: after an S3 event it is conditional on the event order, and
   * with {@code replace} set it takes the place of {@code previous} (null when none was stored).
   */
  private record Write(ObjectEvent event, ResultStore.Stored previous, boolean replace) {}

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
      int index, int slot, Write write, Source source, double downloadMillis, long start) {

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

  /**
   * Returns one page of the stored results with a label, newest first. The index behind it is
   * eventually consistent, so a result stored a moment ago can be missing.
   *
   * @throws IllegalArgumentException when the query's token is invalid
   */
  public ResultPage resultsByLabel(LabelQuery query) {
    return store.query(query);
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

  /** Returns the name, version and SHA-256 of the serving model. */
  public ClassificationResult.ModelInfo model() {
    return results.model();
  }

  /** Returns the telemetry that logs and meters every record. */
  public RecordTelemetry telemetry() {
    return telemetry;
  }

  /** Closes the SDK clients and the model. */
  @Override
  public void close() {
    s3.close();
    dynamoDb.close();
    classifier.close();
  }
}
