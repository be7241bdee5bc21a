package org.imageclassifier.local.reclassify;

/**
 * A CSV manifest of S3 Batch Operations stored in S3: one line per object, {@code bucket,key} with
 * the key URL-encoded.
 *
 * @param bucket the bucket of the manifest object
 * @param key the key of the manifest object
 * @param eTag the manifest object's ETag without quotes, which CreateJob requires
 * @param objects how many objects the manifest lists
 */
public record Manifest(String bucket, String key, String eTag, long objects) {

  /** Returns the ARN of the manifest object in a partition, such as {@code aws}. */
  public String objectArn(String partition) {
    return "arn:" + partition + ":s3:::" + bucket + "/" + key;
  }
}
