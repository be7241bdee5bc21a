package org.imageclassifier.local.reclassify;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Writes the manifest of an S3 Batch Operations job that classifies a prefix again. It lists the
 * objects with ListObjectsV2, page by page, into a temporary CSV file and uploads the file, so a
 * bucket of millions of keys is never held in memory. Folder markers (keys ending in {@code /}) and
 * result objects are left out.
 */
public final class ManifestWriter {

  private final S3Client s3;

  /** Creates a writer that uses {@code s3}; the caller closes the client. */
  public ManifestWriter(S3Client s3) {
    this.s3 = s3;
  }

  /**
   * Lists the objects under a prefix and stores the manifest.
   *
   * @param bucket the bucket to classify again
   * @param prefix the key prefix to list, such as {@code uploads/}; empty for the whole bucket
   * @param resultsPrefix the prefix of the result objects, which are never listed
   * @param manifestBucket where the manifest is stored
   * @param manifestKey the key of the manifest, such as {@code batch/manifests/2026-12-04.csv}
   * @return the stored manifest with its ETag and the number of objects
   * @throws IOException when the temporary file cannot be written
   */
  public Manifest write(
      String bucket, String prefix, String resultsPrefix, String manifestBucket, String manifestKey)
      throws IOException {
    Path file = Files.createTempFile("batch-manifest-", ".csv");
    try {
      long objects = list(bucket, prefix, resultsPrefix, file);
      String eTag =
          s3.putObject(
                  b -> b.bucket(manifestBucket).key(manifestKey).contentType("text/csv"),
                  RequestBody.fromFile(file))
              .eTag();
      return new Manifest(manifestBucket, manifestKey, eTag.replace("\"", ""), objects);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private long list(String bucket, String prefix, String resultsPrefix, Path file)
      throws IOException {
    long objects = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (S3Object object :
          s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
        if (object.key().endsWith("/") || object.key().startsWith(resultsPrefix)) {
          continue;
        }
        out.write(csvLine(bucket, object.key()));
        out.newLine();
        objects++;
      }
    }
    return objects;
  }

  /**
   * Returns the manifest line of an object: the bucket, a comma and the key URL-encoded, each path
   * segment on its own with spaces as {@code %20}, so {@code uploads/a b+c.png} becomes {@code
   * uploads/a%20b%2Bc.png}.
   */
  static String csvLine(String bucket, String key) {
    String encoded =
        Arrays.stream(key.split("/", -1))
            .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
            .collect(Collectors.joining("/"));
    return bucket + "," + encoded;
  }
}
