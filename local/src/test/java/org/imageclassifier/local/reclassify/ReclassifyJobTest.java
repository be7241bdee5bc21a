package org.imageclassifier.local.reclassify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3control.model.CreateJobRequest;
import software.amazon.awssdk.services.s3control.model.JobManifestFieldName;
import software.amazon.awssdk.services.s3control.model.JobManifestFormat;
import software.amazon.awssdk.services.s3control.model.JobReportFormat;
import software.amazon.awssdk.services.s3control.model.JobReportScope;

class ReclassifyJobTest {

  private static final String FUNCTION =
      "arn:aws:lambda:eu-west-1:123456789012:function:classifier-ReclassifyFunction-AbC:live";
  private static final String ROLE = "arn:aws:iam::123456789012:role/classifier-BatchRole-XyZ";
  private static final Manifest MANIFEST =
      new Manifest("image-classifier-uploads", "batch/manifests/m.csv", "0f343b0931126a20", 42);

  @Test
  void requestInvokesFunctionWithSchemaTwo() {
    CreateJobRequest request = job().request();

    assertThat(request.accountId()).isEqualTo("123456789012");
    assertThat(request.roleArn()).isEqualTo(ROLE);
    assertThat(request.confirmationRequired()).isFalse();
    assertThat(request.priority()).isEqualTo(ReclassifyJob.PRIORITY);
    assertThat(request.clientRequestToken()).isEqualTo("token-1");
    assertThat(request.operation().lambdaInvoke().functionArn()).isEqualTo(FUNCTION);
    assertThat(request.operation().lambdaInvoke().invocationSchemaVersion()).isEqualTo("2.0");
    assertThat(request.operation().lambdaInvoke().userArguments())
        .containsEntry("manifest", "batch/manifests/m.csv");
  }

  @Test
  void manifestIsCsvOfBucketAndKey() {
    CreateJobRequest request = job().request();

    assertThat(request.manifest().spec().format())
        .isEqualTo(JobManifestFormat.S3_BATCH_OPERATIONS_CSV_20180820);
    assertThat(request.manifest().spec().fields())
        .containsExactly(JobManifestFieldName.BUCKET, JobManifestFieldName.KEY);
    assertThat(request.manifest().location().objectArn())
        .isEqualTo("arn:aws:s3:::image-classifier-uploads/batch/manifests/m.csv");
    assertThat(request.manifest().location().eTag()).isEqualTo("0f343b0931126a20");
  }

  @Test
  void reportCoversAllTasks() {
    CreateJobRequest request = job().request();

    assertThat(request.report().enabled()).isTrue();
    assertThat(request.report().bucket()).isEqualTo("arn:aws:s3:::image-classifier-uploads");
    assertThat(request.report().prefix()).isEqualTo("batch/reports");
    assertThat(request.report().format()).isEqualTo(JobReportFormat.REPORT_CSV_20180820);
    assertThat(request.report().reportScope()).isEqualTo(JobReportScope.ALL_TASKS);
  }

  @Test
  void partitionFollowsRegion() {
    assertThat(ReclassifyJob.partitionOf("eu-west-1")).isEqualTo("aws");
    assertThat(ReclassifyJob.partitionOf("cn-north-1")).isEqualTo("aws-cn");
    assertThat(ReclassifyJob.partitionOf("us-gov-west-1")).isEqualTo("aws-us-gov");
  }

  @Test
  void optionsRequireJobFields() {
    assertThatThrownBy(() -> ReclassifyOptions.parse(new String[] {"--bucket", "b"}, "us-east-1"))
        .hasMessageContaining("--account-id is required");
    String[] badAccount = {
      "--bucket", "b", "--account-id", "12", "--function-arn", FUNCTION, "--role-arn", ROLE
    };
    assertThatThrownBy(() -> ReclassifyOptions.parse(badAccount, "us-east-1"))
        .hasMessageContaining("--account-id must be 12 digits, was '12'");
    String[] noRegion = {
      "--bucket",
      "b",
      "--account-id",
      "123456789012",
      "--function-arn",
      FUNCTION,
      "--role-arn",
      ROLE
    };
    assertThatThrownBy(() -> ReclassifyOptions.parse(noRegion, null))
        .hasMessageContaining("--region");
    assertThat(ReclassifyOptions.parse(noRegion, "eu-west-1").prefix()).isEqualTo("uploads/");
  }

  private static ReclassifyJob job() {
    return new ReclassifyJob(
        "123456789012", "aws", FUNCTION, ROLE, MANIFEST, "batch/reports", "token-1", "again");
  }
}
