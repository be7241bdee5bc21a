package org.imageclassifier.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imageclassifier.emulators.DynaliteServer;
import org.imageclassifier.emulators.LocalCredentials;
import org.imageclassifier.emulators.S3ProxyServer;
import org.imageclassifier.function.AwsClients;
import org.imageclassifier.function.FunctionConfig;
import org.imageclassifier.function.ResultsTable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;

/**
 * Serves S3 (S3Proxy) and DynamoDB (dynalite) on loopback ports for the cold-start benchmark:
 * creates the bucket and the results table, uploads the images given as arguments under {@code
 * uploads/}, writes the environment the function reads to {@code ENV_FILE}, and serves until
 * standard input closes.
 *
 * <p>Usage: {@code LocalServersMain ENV_FILE IMAGE...}. Needs the system property {@code
 * dynalite.home} (node_modules/dynalite).
 */
public final class LocalServersMain {

  /** Bucket of the uploads. */
  static final String BUCKET = "image-uploads";

  /** Results table. */
  static final String TABLE = "image-classifications";

  private LocalServersMain() {}

  /** Starts the servers; see the class description for the arguments. */
  public static void main(String[] args) throws IOException {
    try (S3ProxyServer s3Server = S3ProxyServer.start();
        DynaliteServer dynamoDbServer = DynaliteServer.start()) {
      FunctionConfig config = config(s3Server, dynamoDbServer);
      prepare(config, args);
      Files.writeString(Path.of(args[0]), environment(config));
      System.out.println("Serving; close standard input to stop");
      System.in.transferTo(OutputStream.nullOutputStream());
    }
  }

  private static FunctionConfig config(S3ProxyServer s3, DynaliteServer dynamoDb) {
    return new FunctionConfig(
        TABLE,
        FunctionConfig.DEFAULT_RESULTS_PREFIX,
        FunctionConfig.DEFAULT_MAX_OBJECT_BYTES,
        Region.of(LocalCredentials.REGION),
        s3.endpoint(),
        dynamoDb.endpoint(),
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(
                LocalCredentials.ACCESS_KEY_ID, LocalCredentials.SECRET_ACCESS_KEY)));
  }

  private static void prepare(FunctionConfig config, String[] args) throws IOException {
    try (var s3 = AwsClients.s3(config);
        var dynamoDb = AwsClients.dynamoDb(config)) {
      s3.createBucket(b -> b.bucket(BUCKET));
      dynamoDb.createTable(ResultsTable.createRequest(TABLE));
      for (int i = 1; i < args.length; i++) {
        Path image = Path.of(args[i]);
        s3.putObject(
            b -> b.bucket(BUCKET).key("uploads/" + image.getFileName()),
            RequestBody.fromFile(image));
      }
    }
  }

  private static String environment(FunctionConfig config) {
    return String.join(
        "\n",
        "RESULTS_TABLE=" + TABLE,
        "AWS_REGION=" + LocalCredentials.REGION,
        "AWS_ENDPOINT_URL_S3=" + config.s3Endpoint(),
        "AWS_ENDPOINT_URL_DYNAMODB=" + config.dynamoDbEndpoint(),
        "AWS_ACCESS_KEY_ID=" + LocalCredentials.ACCESS_KEY_ID,
        "AWS_SECRET_ACCESS_KEY=" + LocalCredentials.SECRET_ACCESS_KEY,
        "");
  }
}
