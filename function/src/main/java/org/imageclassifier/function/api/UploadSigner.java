package org.imageclassifier.function.api;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.imageclassifier.function.FunctionConfig;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Creates presigned S3 PUT URLs for new uploads. The server generates every key under the uploads
 * prefix, and the signature covers the key, the content type and the content length, so a URL
 * cannot write another key, type or size.
 *
 * <p>Note that a URL signed with temporary credentials, as every Lambda function has, stops working
 * when those credentials expire, which can be before the URL's own expiry.
 */
final class UploadSigner implements AutoCloseable {

  private static final String HOST_HEADER = "host";

  private final ApiConfig config;
  private final S3Presigner presigner;

  UploadSigner(ApiConfig config) {
    this.config = config;
    this.presigner = presigner(config.function());
  }

  /** Generates a key for the request and signs a PUT of exactly that type and length. */
  UploadTicket sign(UploadRequest request) {
    String key = config.uploadsPrefix() + UUID.randomUUID() + "." + request.extension();
    PresignedPutObjectRequest signed =
        presigner.presignPutObject(
            presign ->
                presign
                    .signatureDuration(config.uploadUrlExpiry())
                    .putObjectRequest(
                        put ->
                            put.bucket(config.uploadsBucket())
                                .key(key)
                                .contentType(request.contentType())
                                .contentLength(request.contentLength())));
    return ticket(key, signed);
  }

  private UploadTicket ticket(String key, PresignedPutObjectRequest signed) {
    String resultKey = config.function().resultKey(key);
    return new UploadTicket(
        key,
        new UploadTicket.Upload(
            signed.httpRequest().method().name(),
            signed.url().toString(),
            headersToSend(signed.signedHeaders()),
            signed.expiration().toString()),
        new UploadTicket.ResultLocation(
            "s3://" + config.uploadsBucket() + "/" + resultKey, Route.resultPath(key)));
  }

  /** Returns the signed headers that the client sets; HTTP clients add {@code host} themselves. */
  private static Map<String, String> headersToSend(Map<String, List<String>> signed) {
    Map<String, String> headers = new TreeMap<>();
    signed.forEach(
        (name, values) -> {
          if (!name.equalsIgnoreCase(HOST_HEADER)) {
            headers.put(name, String.join(",", values));
          }
        });
    return headers;
  }

  private static S3Presigner presigner(FunctionConfig function) {
    S3Presigner.Builder builder =
        S3Presigner.builder().region(function.region()).credentialsProvider(function.credentials());
    if (function.s3Endpoint() != null) {
      builder
          .endpointOverride(function.s3Endpoint())
          .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
    }
    return builder.build();
  }

  @Override
  public void close() {
    presigner.close();
  }
}
