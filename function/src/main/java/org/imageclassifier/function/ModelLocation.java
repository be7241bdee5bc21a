package org.imageclassifier.function;

/**
 * A model folder in S3, as the training job's publish step writes it: {@code
 * s3://<bucket>/<prefix>/<name>/<version>/} with model.json and the ONNX file it names.
 *
 * @param bucket the bucket name
 * @param prefix the key prefix of the folder, ending in {@code /}, such as {@code
 *     models/fashion-mnist-cnn/20261204T1643Z/}
 */
public record ModelLocation(String bucket, String prefix) {

  /** Creates a location and checks both fields. */
  public ModelLocation {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("bucket must not be blank, was '" + bucket + "'");
    }
    if (prefix == null || prefix.isEmpty() || !prefix.endsWith("/") || prefix.startsWith("/")) {
      throw new IllegalArgumentException(
          "prefix must be a key prefix that ends with '/' and does not start with one, was '"
              + prefix
              + "'");
    }
  }

  /**
   * Parses {@code s3://bucket/models/<name>/<version>/}; a missing trailing slash is added.
   *
   * @throws IllegalArgumentException when the text is not an S3 URI with a bucket and a prefix
   */
  public static ModelLocation parse(String uri) {
    String text = uri == null ? "" : uri.strip();
    int slash = text.indexOf('/', "s3://".length());
    if (!text.startsWith("s3://") || slash < 0 || slash == text.length() - 1) {
      throw new IllegalArgumentException(
          "The model location must look like s3://<bucket>/models/<name>/<version>/, was '"
              + uri
              + "'. Use the folder that the training job's publish step printed");
    }
    String prefix = text.substring(slash + 1);
    return new ModelLocation(
        text.substring("s3://".length(), slash), prefix.endsWith("/") ? prefix : prefix + "/");
  }

  /** Returns the key of a file of the folder, such as the prefix followed by model.json. */
  public String key(String fileName) {
    return prefix + fileName;
  }

  /**
   * Returns the last two segments of the prefix, which the publish layout makes the model name and
   * version, or an empty array when the prefix has fewer segments.
   */
  String[] nameAndVersion() {
    String[] segments = prefix.substring(0, prefix.length() - 1).split("/");
    if (segments.length < 2) {
      return new String[0];
    }
    return new String[] {segments[segments.length - 2], segments[segments.length - 1]};
  }

  /** Returns the location as {@code s3://bucket/prefix}. */
  @Override
  public String toString() {
    return "s3://" + bucket + "/" + prefix;
  }
}
