package org.imageclassifier.function;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.imageclassifier.emulators.DynaliteServer;
import org.imageclassifier.emulators.LocalCredentials;
import org.imageclassifier.emulators.S3ProxyServer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * JUnit extension that starts S3Proxy and dynalite on free loopback ports, creates a bucket and the
 * results table, and injects them as {@link AwsEndpoints}. One pair of servers serves every test
 * class of the run, so tests use distinct object keys; JUnit stops the servers at the end.
 */
public final class LocalServers implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == AwsEndpoints.class;
  }

  @Override
  public AwsEndpoints resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext.Store store =
        context.getRoot().getStore(ExtensionContext.Namespace.create(LocalServers.class));
    return store.getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class);
  }

  /** The running servers, closed by JUnit when the store is closed. */
  static final class Running implements AwsEndpoints, AutoCloseable {

    private static final String BUCKET = "image-uploads";
    private static final String TABLE = "image-classifications";

    private final S3ProxyServer s3Server;
    private final DynaliteServer dynamoDbServer;
    private final FunctionConfig config;
    private final S3Client s3;
    private final DynamoDbClient dynamoDb;

    private Running(S3ProxyServer s3Server, DynaliteServer dynamoDbServer) {
      this.s3Server = s3Server;
      this.dynamoDbServer = dynamoDbServer;
      this.config = localConfig(s3Server, dynamoDbServer);
      this.s3 = AwsClients.s3(config);
      this.dynamoDb = AwsClients.dynamoDb(config);
    }

    static Running start() {
      S3ProxyServer s3Server = S3ProxyServer.start();
      try {
        Running running = new Running(s3Server, DynaliteServer.start());
        running.s3.createBucket(b -> b.bucket(BUCKET));
        running.dynamoDb.createTable(ResultsTable.createRequest(TABLE));
        return running;
      } catch (IOException e) {
        s3Server.close();
        throw new UncheckedIOException(e);
      }
    }

    private static FunctionConfig localConfig(S3ProxyServer s3, DynaliteServer dynamoDb) {
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

    @Override
    public FunctionConfig config() {
      return config;
    }

    @Override
    public S3Client s3() {
      return s3;
    }

    @Override
    public DynamoDbClient dynamoDb() {
      return dynamoDb;
    }

    @Override
    public String bucket() {
      return BUCKET;
    }

    @Override
    public void close() {
      s3.close();
      dynamoDb.close();
      dynamoDbServer.close();
      s3Server.close();
    }
  }
}
