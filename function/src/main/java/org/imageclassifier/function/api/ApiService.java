package org.imageclassifier.function.api;

import org.imageclassifier.core.image.ImageDecodeException;
import org.imageclassifier.core.model.InferenceException;
import org.imageclassifier.core.model.ModelLoadException;
import org.imageclassifier.function.ClassificationResult;
import org.imageclassifier.function.ClassifyService;
import org.imageclassifier.function.LabelQuery;
import org.imageclassifier.function.ResultPage;

/**
 * The operations behind the routes: classify bytes, sign an upload, read a stored result.
 *
 * <p>Thread-safe; one instance serves every invocation of an execution environment.
 */
final class ApiService implements AutoCloseable {

  private final ClassifyService classifier;
  private final UploadSigner signer;

  ApiService(ClassifyService classifier, UploadSigner signer) {
    this.classifier = classifier;
    this.signer = signer;
  }

  /**
   * Creates the SDK clients and the presigner, and loads the bundled model.
   *
   * @throws ModelLoadException when the bundled model is missing or invalid
   */
  static ApiService create(ApiConfig config) throws ModelLoadException {
    return new ApiService(ClassifyService.create(config.function()), new UploadSigner(config));
  }

  /**
   * Classifies an image held in memory.
   *
   * @throws ApiException with the status of the decoding error code when the bytes are not a
   *     decodable image
   * @throws InferenceException when the engine fails
   */
  ClassificationResult classify(byte[] image, String requestId)
      throws ApiException, InferenceException {
    try {
      return classifier.classify(image, requestId);
    } catch (ImageDecodeException e) {
      throw ApiErrors.of(e);
    }
  }

  /** Returns the classify service, whose model and telemetry the API shares. */
  ClassifyService classifier() {
    return classifier;
  }

  /** Generates an upload key and returns its presigned PUT request and result location. */
  UploadTicket createUpload(UploadRequest request) {
    return signer.sign(request);
  }

  /**
   * Returns the stored result of an object key.
   *
   * @throws ApiException 404 RESULT_NOT_FOUND while no result is stored
   */
  ClassificationResult storedResult(String objectKey) throws ApiException {
    return classifier
        .storedResult(objectKey)
        .orElseThrow(
            () ->
                new ApiException(
                    404,
                    ApiErrors.RESULT_NOT_FOUND,
                    ("No result is stored for '%s' yet. An upload is classified within seconds"
                            + " of the PUT; check the key and try again")
                        .formatted(objectKey)));
  }

  /**
   * Returns one page of the stored results with a label, newest first.
   *
   * @throws ApiException 400 INVALID_REQUEST when the page token is invalid
   */
  ResultPage resultsByLabel(LabelQuery query) throws ApiException {
    try {
      return classifier.resultsByLabel(query);
    } catch (IllegalArgumentException e) {
      throw ApiErrors.invalidRequest(e.getMessage());
    }
  }

  @Override
  public void close() {
    signer.close();
    classifier.close();
  }
}
