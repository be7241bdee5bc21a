package org.imageclassifier.function;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.imageclassifier.function.ClassificationResult.Source;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Downloads objects within the size limit, checking the size before any content is read, and within
 * a time limit, so that a body that arrives slowly fails the record instead of running into the
 * function's timeout.
 */
final class ObjectDownloader {

  /** Default time limit of reading one object body: 30 s. */
  static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  private static final int NOT_FOUND = 404;
  private static final int CHUNK_BYTES = 64 * 1024;

  private final S3Client s3;
  private final long maxObjectBytes;
  private final Duration readTimeout;

  ObjectDownloader(S3Client s3, long maxObjectBytes) {
    this(s3, maxObjectBytes, DEFAULT_READ_TIMEOUT);
  }

  /**
   * Creates a downloader.
   *
   * @param maxObjectBytes largest object that is downloaded, in bytes
   * @param readTimeout time limit of reading one body from the response headers on, checked after
   *     each chunk of 64 KiB; one read can add the HTTP client's socket timeout to it
   */
  ObjectDownloader(S3Client s3, long maxObjectBytes, Duration readTimeout) {
    this.s3 = s3;
    this.maxObjectBytes = maxObjectBytes;
    this.readTimeout = readTimeout;
  }

  /**
   * The content of an object and what S3 reported about it.
   *
   * @param bytes the object content
   * @param source the object: ETag and version from the GetObject response, else from the event
   * @param millis time spent downloading, in milliseconds
   */
  record Download(byte[] bytes, Source source, double millis) {}

  /**
   * Downloads the object of an event, the event's version when it names one.
   *
   * @throws PermanentFailureException when the object is gone or larger than the limit
   * @throws software.amazon.awssdk.core.exception.SdkException when S3 fails after the SDK's
   *     retries (transient)
   * @throws UncheckedIOException when reading the body fails or takes longer than the read timeout
   *     (transient)
   */
  Download download(ObjectEvent event) throws PermanentFailureException {
    long start = System.nanoTime();
    checkSize(event.size());
    try (ResponseInputStream<GetObjectResponse> stream = s3.getObject(request(event))) {
      GetObjectResponse response = stream.response();
      checkSize(response.contentLength(), stream);
      byte[] bytes = readBounded(stream, response.contentLength());
      return new Download(bytes, source(event, response, bytes.length), millisSince(start));
    } catch (NoSuchKeyException e) {
      throw notFound(event, e);
    } catch (S3Exception e) {
      if (e.statusCode() == NOT_FOUND) {
        throw notFound(event, e);
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("Reading s3://" + event.bucket() + "/" + event.key(), e);
    }
  }

  private static GetObjectRequest request(ObjectEvent event) {
    return GetObjectRequest.builder()
        .bucket(event.bucket())
        .key(event.key())
        .versionId(event.versionId())
        .build();
  }

  private void checkSize(Long size) throws PermanentFailureException {
    if (size != null && size > maxObjectBytes) {
      throw tooLarge(size);
    }
  }

  private void checkSize(Long contentLength, ResponseInputStream<?> stream)
      throws PermanentFailureException {
    if (contentLength != null && contentLength > maxObjectBytes) {
      // Abort: closing would read the rest of the body to reuse the connection.
      stream.abort();
      throw tooLarge(contentLength);
    }
  }

  /**
   * Reads at most the limit plus one byte, so a body longer than announced is still caught, and
   * stops with a {@link SocketTimeoutException} once the read timeout has passed.
   */
  private byte[] readBounded(ResponseInputStream<?> stream, Long contentLength)
      throws IOException, PermanentFailureException {
    int limit = (int) Math.min(Integer.MAX_VALUE - 8, maxObjectBytes + 1);
    long deadline = System.nanoTime() + readTimeout.toNanos();
    ByteArrayOutputStream body = new ByteArrayOutputStream(initialSize(contentLength, limit));
    byte[] chunk = new byte[CHUNK_BYTES];
    while (body.size() < limit) {
      int read = stream.read(chunk, 0, Math.min(chunk.length, limit - body.size()));
      if (read < 0) {
        return body.toByteArray();
      }
      body.write(chunk, 0, read);
      if (System.nanoTime() - deadline > 0) {
        stream.abort();
        throw new SocketTimeoutException(
            "Reading the object took longer than %d ms after %d bytes"
                .formatted(readTimeout.toMillis(), body.size()));
      }
    }
    stream.abort();
    throw tooLarge(body.size());
  }

  private static int initialSize(Long contentLength, int limit) {
    return contentLength == null ? CHUNK_BYTES : (int) Math.min(contentLength + 1, limit);
  }

  private PermanentFailureException tooLarge(long size) {
    return new PermanentFailureException(
        PermanentFailureException.OBJECT_TOO_LARGE,
        "The object is %d bytes, above the limit of %d bytes; upload a smaller image"
            .formatted(size, maxObjectBytes));
  }

  private static PermanentFailureException notFound(ObjectEvent event, Exception cause) {
    String version = event.versionId() == null ? "" : " version " + event.versionId();
    return new PermanentFailureException(
        PermanentFailureException.OBJECT_NOT_FOUND,
        "The object%s no longer exists; it was deleted after the upload".formatted(version),
        cause);
  }

  private static Source source(ObjectEvent event, GetObjectResponse response, long size) {
    String eTag = response.eTag() == null ? event.eTag() : response.eTag().replace("\"", "");
    String versionId = response.versionId() == null ? event.versionId() : response.versionId();
    return new Source(event.bucket(), event.key(), versionId, eTag, size, event.sequencer());
  }

  static Source source(ObjectEvent event) {
    return new Source(
        event.bucket(),
        event.key(),
        event.versionId(),
        event.eTag(),
        event.size(),
        event.sequencer());
  }

  static double millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000.0;
  }
}
