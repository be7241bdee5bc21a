package org.imageclassifier.function;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.imageclassifier.core.Classification;
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
 * Classifies the object of one S3 event record and stores the result. Permanent failures become
 * FAILED results; transient ones (SDK errors after retries, engine failures) are thrown so that the
 * invocation fails and Lambda retries the event.
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
   * Creates the SDK clients and loads the bundled model.
   *
   * @throws ModelLoadException when the bundled model is missing or invalid
   */
  public static ClassifyService create(FunctionConfig config) throws ModelLoadException {
    ImageClassifier classifier = BundledModel.load(new ImageDecoder(config.pixelBudget()));
    return new ClassifyService(
        config, AwsClients.s3(config), AwsClients.dynamoDb(config), classifier);
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
    if (!shouldClassify(event)) {
      LOG.atDebug().addKeyValue("objectKey", event.key()).log("Skipped: not an upload");
      return RecordOutcome.skipped(event);
    }
    Optional<ClassificationResult> current = store.findCurrent(event);
    if (current.isPresent()) {
      LOG.atInfo().addKeyValue("objectKey", event.key()).log("Skipped: result already stored");
      return outcome(event, Disposition.DUPLICATE, current.get());
    }
    ClassificationResult result = classify(event, requestId);
    boolean stored = store.store(event, result);
    log(result);
    return outcome(event, stored ? Disposition.STORED : Disposition.DUPLICATE, result);
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

  private ClassificationResult classify(ObjectEvent event, String requestId)
      throws InferenceException {
    long start = System.nanoTime();
    Download download;
    try {
      download = downloader.download(event);
    } catch (PermanentFailureException e) {
      return results.failed(requestId, ObjectDownloader.source(event), e, null, start);
    }
    try {
      Classification classification = classifier.classify(download.bytes());
      return results.classified(
          requestId, download.source(), classification, download.millis(), start);
    } catch (ImageDecodeException e) {
      PermanentFailureException failure =
          new PermanentFailureException(e.code().name(), e.getMessage(), e);
      return results.failed(requestId, download.source(), failure, download.millis(), start);
    }
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
