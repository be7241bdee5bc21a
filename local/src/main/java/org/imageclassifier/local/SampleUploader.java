package org.imageclassifier.local;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.imageclassifier.emulators.LocalLambdaContext;
import org.imageclassifier.emulators.S3Notifications;
import org.imageclassifier.function.ClassifyHandler;
import org.imageclassifier.function.RecordOutcome;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Uploads one sample under {@code uploads/} and invokes the handler with the event that S3 sends
 * for the upload, as Lambda would.
 */
final class SampleUploader {

  /** Prefix that the S3 trigger of template.yaml filters on. */
  static final String UPLOADS_PREFIX = "uploads/";

  private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(60);
  private static final int FUNCTION_MEMORY_MB = 1024;

  private final LocalAccount account;
  private final ClassifyHandler handler;

  SampleUploader(LocalAccount account, ClassifyHandler handler) {
    this.account = account;
    this.handler = handler;
  }

  /**
   * Uploads a file as {@code uploads/<file name>} and classifies it.
   *
   * @throws IOException when the file cannot be read
   */
  RecordOutcome classify(Path file) throws IOException {
    String key = UPLOADS_PREFIX + file.getFileName();
    byte[] bytes = Files.readAllBytes(file);
    PutObjectResponse put =
        account
            .s3()
            .putObject(b -> b.bucket(LocalAccount.BUCKET).key(key), RequestBody.fromBytes(bytes));
    S3Event event =
        S3Notifications.objectCreated(
            LocalAccount.BUCKET,
            key,
            bytes.length,
            S3Notifications.unquoteETag(put.eTag()),
            put.versionId(),
            S3Notifications.nextSequencer());
    LocalLambdaContext context =
        new LocalLambdaContext("classify-images", FUNCTION_MEMORY_MB, FUNCTION_TIMEOUT);
    return handler.handleRequest(event, context).records().getFirst();
  }
}
