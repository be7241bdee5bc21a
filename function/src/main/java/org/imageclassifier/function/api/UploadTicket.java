package org.imageclassifier.function.api;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The response of {@code POST /uploads}: where to PUT the image and where its result will be.
 *
 * @param key the object key that the server generated, under the uploads prefix
 * @param upload the presigned request to send
 * @param result where the S3 path stores the result once the object is classified
 */
public record UploadTicket(String key, Upload upload, ResultLocation result) {

  /**
   * A presigned request.
   *
   * @param method the HTTP method, {@code PUT}
   * @param url the presigned URL; its query string carries the signature
   * @param headers the headers to send with exactly these values, because they are signed
   * @param expiresAt when the URL stops working, ISO-8601 in UTC
   */
  public record Upload(String method, String url, Map<String, String> headers, String expiresAt) {

    /** Creates the request with an unmodifiable copy of the headers, sorted by name. */
    public Upload {
      headers = Collections.unmodifiableMap(new TreeMap<>(headers));
    }
  }

  /**
   * Where the result of the upload appears.
   *
   * @param s3Uri the {@code s3://} URI of the result object
   * @param path the path of {@code GET /results/{key}} for the key, with the key percent-encoded
   */
  public record ResultLocation(String s3Uri, String path) {}
}
