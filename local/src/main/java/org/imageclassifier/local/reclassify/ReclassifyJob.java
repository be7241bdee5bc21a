package org.imageclassifier.local.reclassify;

import java.util.Map;
import software.amazon.awssdk.services.s3control.model.CreateJobRequest;
import software.amazon.awssdk.services.s3control.model.JobManifest;
import software.amazon.awssdk.services.s3control.model.JobManifestFieldName;
import software.amazon.awssdk.services.s3control.model.JobManifestFormat;
import software.amazon.awssdk.services.s3control.model.JobManifestLocation;
import software.amazon.awssdk.services.s3control.model.JobManifestSpec;
import software.amazon.awssdk.services.s3control.model.JobOperation;
import software.amazon.awssdk.services.s3control.model.JobReport;
import software.amazon.awssdk.services.s3control.model.JobReportFormat;
import software.amazon.awssdk.services.s3control.model.JobReportScope;
import software.amazon.awssdk.services.s3control.model.LambdaInvokeOperation;

/**
 * The S3 Batch Operations job that invokes the reclassify function (template.yaml's {@code
 * ReclassifyFunction}) for every object of a manifest, with invocation schema 2.0, and writes a
 * completion report of every task.
 *
 * @param accountId the AWS account that runs the job
 * @param partition the ARN partition, {@code aws} outside China and GovCloud
 * @param functionArn the function's alias ARN (the stack output {@code ReclassifyFunctionArn})
 * @param roleArn the job's role (the stack output {@code BatchOperationsRoleArn})
 * @param manifest the stored manifest
 * @param reportPrefix the key prefix of the completion report in the manifest's bucket
 * @param clientRequestToken the idempotency token; the same token never starts a second job
 * @param description a description for the job list, at most 256 characters
 */
public record ReclassifyJob(
    String accountId,
    String partition,
    String functionArn,
    String roleArn,
    Manifest manifest,
    String reportPrefix,
    String clientRequestToken,
    String description) {

  /** Priority of the job among the account's jobs; higher runs first. */
  public static final int PRIORITY = 10;

  /** The invocation schema version that {@code BatchOperationsHandler} reads. */
  public static final String INVOCATION_SCHEMA_VERSION = "2.0";

  /** Returns the CreateJob request. The job starts without a confirmation step. */
  public CreateJobRequest request() {
    return CreateJobRequest.builder()
        .accountId(accountId)
        .confirmationRequired(false)
        .clientRequestToken(clientRequestToken)
        .description(description)
        .priority(PRIORITY)
        .roleArn(roleArn)
        .operation(operation())
        .manifest(jobManifest())
        .report(report())
        .build();
  }

  private JobOperation operation() {
    return JobOperation.builder()
        .lambdaInvoke(
            LambdaInvokeOperation.builder()
                .functionArn(functionArn)
                .invocationSchemaVersion(INVOCATION_SCHEMA_VERSION)
                .userArguments(Map.of("manifest", manifest.key()))
                .build())
        .build();
  }

  private JobManifest jobManifest() {
    return JobManifest.builder()
        .spec(
            JobManifestSpec.builder()
                .format(JobManifestFormat.S3_BATCH_OPERATIONS_CSV_20180820)
                .fields(JobManifestFieldName.BUCKET, JobManifestFieldName.KEY)
                .build())
        .location(
            JobManifestLocation.builder()
                .objectArn(manifest.objectArn(partition))
                .eTag(manifest.eTag())
                .build())
        .build();
  }

  private JobReport report() {
    return JobReport.builder()
        .bucket("arn:" + partition + ":s3:::" + manifest.bucket())
        .prefix(reportPrefix)
        .format(JobReportFormat.REPORT_CSV_20180820)
        .enabled(true)
        .reportScope(JobReportScope.ALL_TASKS)
        .build();
  }

  /** Returns the ARN partition of a region: {@code aws-cn}, {@code aws-us-gov} or {@code aws}. */
  public static String partitionOf(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  }
}
