package org.imageclassifier.training.publish;

import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Command line of the publish step: reads a training job's {@code model.tar.gz} from S3 and writes
 * its files to {@code <target>/<name>/<version>/}, the layout the function loads. Credentials come
 * from the SDK's default chain; the region from {@code --region}, else from the SDK's default chain
 * ({@code AWS_REGION}).
 */
public final class PublishModel {

  /** Help text listing the options. */
  public static final String USAGE =
      """
      Usage: PublishModel --source s3://BUCKET/KEY/model.tar.gz --target s3://BUCKET/models
                          [--replace] [--region REGION] [--endpoint-url URL]

      Unpacks the model.tar.gz of a SageMaker training job and writes every file of the model
      folder to <target>/<name>/<version>/, with name and version from its model.json; model.json
      is written last. A published version is not overwritten unless --replace is given.

        --source        the training job's model artifact (ModelArtifacts.S3ModelArtifacts)
        --target        bucket and key prefix of the model store
        --replace       overwrite a version that is already published
        --region        AWS region (default: the SDK's default region chain)
        --endpoint-url  S3 endpoint of a local S3 server: path-style addressing, and
                        checksums only where S3 requires them, as local servers expect
      """;

  private static final Logger LOG = LoggerFactory.getLogger(PublishModel.class);

  private PublishModel() {}

  /** Runs the command and exits with 0 on success, 1 on failure and 2 on invalid options. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command and returns its exit status. */
  public static int run(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    if (options.help()) {
      System.out.print(USAGE);
      return 0;
    }
    try (S3Client s3 = client(options)) {
      List<String> keys =
          new S3ModelPublisher(s3).publish(options.source(), options.target(), options.replace());
      keys.forEach(key -> System.out.println("s3://" + options.target().bucket() + "/" + key));
      return 0;
    } catch (Exception e) {
      LOG.error("publish failed: {}", e.getMessage(), e);
      return 1;
    }
  }

  private static S3Client client(Options options) {
    S3ClientBuilder builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create());
    if (options.region() != null) {
      builder.region(Region.of(options.region()));
    }
    if (options.endpoint() != null) {
      builder
          .endpointOverride(options.endpoint())
          .forcePathStyle(true)
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    return builder.build();
  }

  /**
   * The parsed options.
   *
   * @param help whether {@code --help} was given
   * @param source the archive
   * @param target the model store
   * @param replace whether to overwrite a published version
   * @param region the region, or null
   * @param endpoint the S3 endpoint, or null
   */
  record Options(
      boolean help,
      S3Location source,
      S3Location target,
      boolean replace,
      String region,
      URI endpoint) {

    static Options parse(String[] args) {
      S3Location source = null;
      S3Location target = null;
      boolean replace = false;
      boolean help = false;
      String region = null;
      URI endpoint = null;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--help" -> help = true;
          case "--replace" -> replace = true;
          case "--source" -> source = S3Location.parse(value(args, i++));
          case "--target" -> target = S3Location.parse(value(args, i++));
          case "--region" -> region = value(args, i++);
          case "--endpoint-url" -> endpoint = URI.create(value(args, i++));
          default ->
              throw new IllegalArgumentException(
                  "Unknown option '" + args[i] + "'. Run with --help to list the options.");
        }
      }
      if (!help && (source == null || target == null)) {
        throw new IllegalArgumentException(
            "Missing --source or --target. Run with --help to list the options.");
      }
      return new Options(help, source, target, replace, region, endpoint);
    }

    private static String value(String[] args, int index) {
      if (index + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + args[index] + " needs a value.");
      }
      return args[index + 1];
    }
  }
}
