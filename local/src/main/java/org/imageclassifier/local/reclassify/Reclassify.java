package org.imageclassifier.local.reclassify;

import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.imageclassifier.function.FunctionConfig;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3control.S3ControlClient;

/**
 * Command line that classifies a bucket or prefix again after a model change: writes the manifest
 * of S3 Batch Operations with ListObjectsV2 and starts the job with S3 Control CreateJob. The job
 * invokes the reclassify function for every object and writes a completion report. Credentials come
 * from the SDK's default chain.
 */
public final class Reclassify {

  /** Help text listing the options. */
  public static final String USAGE =
      """
      Usage: reclassify --bucket BUCKET --account-id ID --function-arn ARN --role-arn ARN
                        [--prefix uploads/] [--manifest-key KEY] [--report-prefix batch/reports]
                        [--region REGION] [--endpoint-url URL] [--dry-run]

      Lists the objects under the prefix into a CSV manifest at s3://BUCKET/KEY and starts an
      S3 Batch Operations job that invokes the reclassify function for each of them. Objects
      whose stored result comes from the serving model are skipped by the function.

        --bucket         the bucket to classify again; the manifest and report go there too
        --account-id     the AWS account that runs the job
        --function-arn   the stack output ReclassifyFunctionArn
        --role-arn       the stack output BatchOperationsRoleArn
        --prefix         the key prefix to classify (default uploads/)
        --manifest-key   the manifest's key (default batch/manifests/<UTC time>.csv)
        --report-prefix  the key prefix of the completion report (default batch/reports)
        --region         AWS region (default: AWS_REGION)
        --endpoint-url   S3 endpoint of a local S3 server, for the manifest only
        --dry-run        write the manifest and print the CreateJob request without starting it
      """;

  private static final DateTimeFormatter MANIFEST_TIME =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private Reclassify() {}

  /** Runs the command and exits with 0 on success, 1 on failure and 2 on invalid options. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command and returns its exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    ReclassifyOptions options;
    try {
      options = ReclassifyOptions.parse(args, System.getenv("AWS_REGION"));
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.print(USAGE);
      return 2;
    }
    if (options.help()) {
      out.print(USAGE);
      return 0;
    }
    try {
      return start(options, out);
    } catch (Exception e) {
      err.println("reclassify failed: " + e.getMessage());
      return 1;
    }
  }

  private static int start(ReclassifyOptions options, PrintStream out) throws Exception {
    Manifest manifest;
    try (S3Client s3 = s3(options)) {
      String key =
          options.manifestKey() != null
              ? options.manifestKey()
              : "batch/manifests/" + MANIFEST_TIME.format(Instant.now()) + ".csv";
      manifest =
          new ManifestWriter(s3)
              .write(
                  options.bucket(),
                  options.prefix(),
                  FunctionConfig.DEFAULT_RESULTS_PREFIX,
                  options.bucket(),
                  key);
    }
    out.printf(
        "Manifest s3://%s/%s lists %d objects%n",
        manifest.bucket(), manifest.key(), manifest.objects());
    ReclassifyJob job = job(options, manifest);
    if (options.dryRun()) {
      out.println("Dry run, no job started: " + job.request());
      return 0;
    }
    try (S3ControlClient control = control(options)) {
      String jobId = control.createJob(job.request()).jobId();
      out.println("Started S3 Batch Operations job " + jobId);
    }
    return 0;
  }

  static ReclassifyJob job(ReclassifyOptions options, Manifest manifest) {
    return new ReclassifyJob(
        options.accountId(),
        ReclassifyJob.partitionOf(options.region()),
        options.functionArn(),
        options.roleArn(),
        manifest,
        options.reportPrefix(),
        UUID.nameUUIDFromBytes(
                (manifest.key() + manifest.eTag())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString(),
        "Classify s3://%s/%s again (%d objects)"
            .formatted(options.bucket(), options.prefix(), manifest.objects()));
  }

  private static S3Client s3(ReclassifyOptions options) {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(options.region()));
    URI endpoint = options.endpoint();
    if (endpoint != null) {
      builder
          .endpointOverride(endpoint)
          .forcePathStyle(true)
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    return builder.build();
  }

  private static S3ControlClient control(ReclassifyOptions options) {
    return S3ControlClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(options.region()))
        .build();
  }
}
