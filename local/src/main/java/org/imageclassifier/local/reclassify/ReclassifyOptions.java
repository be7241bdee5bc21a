package org.imageclassifier.local.reclassify;

import java.net.URI;

/**
 * The parsed options of {@link Reclassify}.
 *
 * @param help whether {@code --help} was given
 * @param bucket the bucket to classify again
 * @param prefix the key prefix to list
 * @param accountId the account that runs the job
 * @param functionArn the reclassify function's alias ARN
 * @param roleArn the job's role ARN
 * @param manifestKey the manifest's key, or null for a key with the current time
 * @param reportPrefix the key prefix of the completion report
 * @param region the AWS region
 * @param endpoint the S3 endpoint of a local server, or null
 * @param dryRun whether to stop before CreateJob
 */
public record ReclassifyOptions(
    boolean help,
    String bucket,
    String prefix,
    String accountId,
    String functionArn,
    String roleArn,
    String manifestKey,
    String reportPrefix,
    String region,
    URI endpoint,
    boolean dryRun) {

  /**
   * Parses the command line.
   *
   * @param defaultRegion the region when {@code --region} is missing, normally AWS_REGION; may be
   *     null
   * @throws IllegalArgumentException naming the option that is missing or invalid
   */
  public static ReclassifyOptions parse(String[] args, String defaultRegion) {
    Builder options = new Builder(defaultRegion);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--help" -> options.help = true;
        case "--dry-run" -> options.dryRun = true;
        case "--bucket" -> options.bucket = value(args, i++);
        case "--prefix" -> options.prefix = value(args, i++);
        case "--account-id" -> options.accountId = value(args, i++);
        case "--function-arn" -> options.functionArn = value(args, i++);
        case "--role-arn" -> options.roleArn = value(args, i++);
        case "--manifest-key" -> options.manifestKey = value(args, i++);
        case "--report-prefix" -> options.reportPrefix = value(args, i++);
        case "--region" -> options.region = value(args, i++);
        case "--endpoint-url" -> options.endpoint = URI.create(value(args, i++));
        default ->
            throw new IllegalArgumentException(
                "Unknown option '" + args[i] + "'; run with --help for the options");
      }
    }
    return options.build();
  }

  private static String value(String[] args, int index) {
    if (index + 1 >= args.length || args[index + 1].startsWith("--")) {
      throw new IllegalArgumentException(args[index] + " is missing its value");
    }
    return args[index + 1];
  }

  /** The options while they are parsed. */
  private static final class Builder {
    private boolean help;
    private boolean dryRun;
    private String bucket;
    private String prefix = "uploads/";
    private String accountId;
    private String functionArn;
    private String roleArn;
    private String manifestKey;
    private String reportPrefix = "batch/reports";
    private String region;
    private URI endpoint;

    Builder(String defaultRegion) {
      this.region = defaultRegion;
    }

    ReclassifyOptions build() {
      if (!help) {
        require(bucket, "--bucket");
        require(accountId, "--account-id");
        require(functionArn, "--function-arn");
        require(roleArn, "--role-arn");
        require(region, "--region (or AWS_REGION)");
        if (!accountId.matches("\\d{12}")) {
          throw new IllegalArgumentException(
              "--account-id must be 12 digits, was '" + accountId + "'");
        }
      }
      return new ReclassifyOptions(
          help,
          bucket,
          prefix,
          accountId,
          functionArn,
          roleArn,
          manifestKey,
          reportPrefix,
          region,
          endpoint,
          dryRun);
    }

    private static void require(String value, String option) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(option + " is required");
      }
    }
  }
}
