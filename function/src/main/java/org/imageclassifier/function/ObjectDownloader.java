package org.imageclassifier.function;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.imageclassifier.function.ClassificationResult.Source;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Downloads objects within the size limit, checking the size before any content is read. */
final class ObjectDownloader {

  private static final int NOT_FOUND = 404;

  private final S3Client s3;
  private final long maxObjectBytes;

  ObjectDownloader(S3Client s3, long maxObjectBytes) {
    this.s3 = s3;
    this.maxObjectBytes = maxObjectBytes;
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
   */
  Download download(ObjectEvent event) throws PermanentFailureException {
    long start = System.nanoTime();
    checkSize(event.size());
    try (ResponseInputStream<GetObjectResponse> stream = s3.getObject(request(event))) {
      GetObjectResponse response = stream.response();
      checkSize(response.contentLength(), stream);
      byte[] bytes = readBounded(stream);
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

  /** Reads at most the limit plus one byte, so a body longer than announced is still caught. */
  private byte[] readBounded(ResponseInputStream<?> stream)
      throws IOException, PermanentFailureException {
    int limit = (int) Math.min(Integer.MAX_VALUE - 8, maxObjectBytes + 1);
    byte[] bytes = stream.readNBytes(limit);
    if (bytes.length > maxObjectBytes) {
      stream.abort();
      throw tooLarge(bytes.length);
    }
    return bytes;
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
