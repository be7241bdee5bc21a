package org.imageclassifier.training.publish;

/**
 * A bucket and a key or key prefix, written {@code s3://bucket/key}.
 *
 * @param bucket the bucket name
 * @param key the key or prefix, without a leading or trailing slash; empty for the bucket root
 */
public record S3Location(String bucket, String key) {

  /**
   * Parses {@code s3://bucket/key}.
   *
   * @throws IllegalArgumentException when the text is not of that form
   */
  public static S3Location parse(String uri) {
    if (uri == null || !uri.startsWith("s3://") || uri.length() <= "s3://".length()) {
      throw new IllegalArgumentException(
          "Invalid S3 location '%s': expected s3://bucket/key.".formatted(uri));
    }
    String rest = uri.substring("s3://".length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : trimSlashes(rest.substring(slash + 1));
    if (bucket.isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid S3 location '%s': the bucket name is empty.".formatted(uri));
    }
    return new S3Location(bucket, key);
  }

  /** Returns the location of {@code name} under this prefix. */
  public S3Location child(String name) {
    return new S3Location(bucket, key.isEmpty() ? name : key + "/" + name);
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }

  private static String trimSlashes(String key) {
    int start = 0;
    int end = key.length();
    while (start < end && key.charAt(start) == '/') {
      start++;
    }
    while (end > start && key.charAt(end - 1) == '/') {
      end--;
    }
    return key.substring(start, end);
  }
}
