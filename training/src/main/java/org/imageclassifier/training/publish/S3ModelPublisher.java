package org.imageclassifier.training.publish;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imageclassifier.core.model.ModelPackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Turns the {@code model.tar.gz} a SageMaker training job wrote into the model layout the function
 * loads: every file of the model folder under {@code <prefix>/<name>/<version>/}, with the name and
 * version taken from model.json. model.json is written last, so a reader that finds it finds the
 * whole folder. A published version is never overwritten unless {@code replace} is set.
 */
public final class S3ModelPublisher {

  /** The largest archive content accepted, 1 GiB. */
  public static final long MAX_ARCHIVE_BYTES = 1L << 30;

  private static final Logger LOG = LoggerFactory.getLogger(S3ModelPublisher.class);

  private final S3Client s3;

  /** Creates a publisher that uses {@code s3}; the caller closes the client. */
  public S3ModelPublisher(S3Client s3) {
    this.s3 = s3;
  }

  /**
   * Publishes one archive.
   *
   * @param source the training job's model.tar.gz
   * @param target bucket and key prefix of the model store, for example {@code models}
   * @param replace whether an existing version may be overwritten
   * @return the keys written, model.json last
   * @throws ArchiveException when the archive is not a valid model folder
   * @throws VersionExistsException when the version exists and {@code replace} is false
   */
  public List<String> publish(S3Location source, S3Location target, boolean replace)
      throws IOException {
    ModelFolder folder = ModelFolder.of(download(source));
    String base = target.child(folder.contract().name()).child(folder.contract().version()).key();
    String contractKey = base + "/" + ModelPackage.CONTRACT_FILE;
    if (!replace && exists(target.bucket(), contractKey)) {
      throw new VersionExistsException(target.bucket(), contractKey);
    }
    List<String> keys = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : folder.files().entrySet()) {
      if (!file.getKey().equals(ModelPackage.CONTRACT_FILE)) {
        keys.add(put(target.bucket(), base + "/" + file.getKey(), file.getValue()));
      }
    }
    keys.add(put(target.bucket(), contractKey, folder.files().get(ModelPackage.CONTRACT_FILE)));
    LOG.info(
        "model published: source={} bucket={} prefix={} files={}",
        source,
        target.bucket(),
        base,
        keys.size());
    return keys;
  }

  /**
   * Downloads the whole archive before unpacking it: a tar reader stops at the end-of-archive
   * block, and an S3 response stream closed before its end spoils the pooled connection.
   */
  private Map<String, byte[]> download(S3Location source) throws IOException {
    long size = s3.headObject(b -> b.bucket(source.bucket()).key(source.key())).contentLength();
    if (size > MAX_ARCHIVE_BYTES) {
      throw new ArchiveException(
          "%s has %d bytes, more than the %d accepted. Publish a smaller model folder."
              .formatted(source, size, MAX_ARCHIVE_BYTES));
    }
    byte[] archive =
        s3.getObjectAsBytes(b -> b.bucket(source.bucket()).key(source.key())).asByteArray();
    return TarArchive.read(new ByteArrayInputStream(archive), MAX_ARCHIVE_BYTES);
  }

  private boolean exists(String bucket, String key) {
    try {
      s3.headObject(b -> b.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  private String put(String bucket, String key, byte[] content) {
    PutObjectRequest request =
        PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType(key)).build();
    s3.putObject(request, RequestBody.fromBytes(content));
    return key;
  }

  /**
   * Returns the media type of a model folder file, by its extension. HTML gets no charset
   * parameter: report.html declares UTF-8 itself, and S3Proxy 2.6 rejects the signature of a
   * request whose Content-Type has one.
   */
  static String contentType(String key) {
    String name = key.toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return "application/json";
    }
    if (name.endsWith(".png")) {
      return "image/png";
    }
    if (name.endsWith(".html")) {
      return "text/html";
    }
    return "application/octet-stream";
  }
}
