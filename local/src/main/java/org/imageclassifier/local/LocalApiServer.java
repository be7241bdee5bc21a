package org.imageclassifier.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.imageclassifier.emulators.DynaliteServer;
import org.imageclassifier.emulators.LocalCredentials;
import org.imageclassifier.emulators.S3ProxyServer;
import org.imageclassifier.function.ClassifyHandler;
import org.imageclassifier.function.api.ApiConfig;
import org.imageclassifier.function.api.ApiHandler;

/**
 * Serves the HTTP API on 127.0.0.1 without SAM or Docker: S3Proxy and dynalite on loopback ports,
 * the API handler behind a local gateway that builds the API Gateway event of each request, and the
 * classify handler fed with the S3 event of every object created under {@code uploads/}. Uploads
 * through a presigned URL from {@code POST /uploads} are classified within a second, as in AWS.
 *
 * <p>Usage: {@code LocalApiServer [--port N]}, default port {@value #DEFAULT_PORT}; port 0 picks a
 * free one. The local gateway does no authorization.
 */
public final class LocalApiServer implements AutoCloseable {

  /** Port used when none is given. */
  public static final int DEFAULT_PORT = 8080;

  /** How often the uploads prefix is listed for new objects. */
  static final Duration UPLOAD_POLL_INTERVAL = Duration.ofMillis(250);

  private static final String LOGBACK_PROPERTY = "logback.configurationFile";

  private final S3ProxyServer s3Server;
  private final DynaliteServer dynamoDbServer;
  private final LocalAccount account;
  private final ClassifyHandler classifyHandler;
  private final ApiHandler apiHandler;
  private final UploadWatcher watcher;
  private final HttpServer httpServer;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  private LocalApiServer(Stack stack, int port) throws IOException {
    this.s3Server = stack.s3Server;
    this.dynamoDbServer = stack.dynamoDbServer;
    this.httpServer = bind(port);
    this.account = LocalAccount.create(s3Server.endpoint(), dynamoDbServer.endpoint());
    this.classifyHandler = new ClassifyHandler(account.config());
    this.apiHandler = new ApiHandler(ApiConfig.withDefaults(account.config(), LocalAccount.BUCKET));
    this.watcher =
        new UploadWatcher(
            account.s3(), LocalAccount.BUCKET, ApiConfig.DEFAULT_UPLOADS_PREFIX, classifyHandler);
    HttpApiGateway gateway = new HttpApiGateway(apiHandler, new StaticPage());
    gateway.host(LocalCredentials.HOST + ":" + httpServer.getAddress().getPort());
    httpServer.createContext("/", gateway);
    httpServer.setExecutor(executor);
  }

  /** The two storage servers, started before everything else. */
  private record Stack(S3ProxyServer s3Server, DynaliteServer dynamoDbServer) {}

  /**
   * Starts the storage servers, the handlers, the upload watcher and the HTTP server.
   *
   * @param port the HTTP port on 127.0.0.1, or 0 for a free one
   * @throws IOException when dynalite cannot start or the port is taken
   */
  public static LocalApiServer start(int port) throws IOException {
    S3ProxyServer s3Server = S3ProxyServer.start();
    DynaliteServer dynamoDbServer = null;
    try {
      dynamoDbServer = DynaliteServer.start();
      LocalApiServer server = new LocalApiServer(new Stack(s3Server, dynamoDbServer), port);
      server.watcher.start(UPLOAD_POLL_INTERVAL);
      server.httpServer.start();
      return server;
    } catch (IOException | RuntimeException e) {
      closeQuietly(dynamoDbServer);
      s3Server.close();
      throw e;
    }
  }

  private static HttpServer bind(int port) throws IOException {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(LocalCredentials.HOST, port), 0);
    } catch (BindException e) {
      throw new IOException(
          "Port %d on %s is in use. Stop what listens there or pass --port with another port (0 picks a free one)"
              .formatted(port, LocalCredentials.HOST),
          e);
    }
    return server;
  }

  /** Returns the base URL of the API, {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return URI.create("http://" + LocalCredentials.HOST + ":" + httpServer.getAddress().getPort());
  }

  /** Returns the endpoint of the local S3 server. */
  public URI s3Endpoint() {
    return s3Server.endpoint();
  }

  /** Returns the endpoint of the local DynamoDB server. */
  public URI dynamoDbEndpoint() {
    return dynamoDbServer.endpoint();
  }

  /** Stops everything in reverse order; the bucket, the table and their contents are gone. */
  @Override
  public void close() {
    httpServer.stop(0);
    executor.close();
    watcher.close();
    apiHandler.close();
    classifyHandler.close();
    account.close();
    dynamoDbServer.close();
    s3Server.close();
  }

  /**
   * Runs the server until the process is stopped (Ctrl+C). Exits with status 1 when it cannot
   * start, and 2 for invalid arguments.
   *
   * @param args {@code [--port N]}
   */
  public static void main(String[] args) {
    if (System.getProperty(LOGBACK_PROPERTY) == null) {
      System.setProperty(LOGBACK_PROPERTY, "serve-local-logback.xml");
    }
    int port = ServeLocalArguments.port(args, System.out, System.err);
    LocalApiServer server;
    try {
      server = start(port);
    } catch (IOException | RuntimeException e) {
      System.err.println("serve-local failed to start: " + e.getMessage());
      System.exit(1);
      return;
    }
    printBanner(server, System.out);
    awaitShutdown(server);
  }

  private static void awaitShutdown(LocalApiServer server) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "serve-local-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void printBanner(LocalApiServer server, PrintStream out) {
    URI api = server.endpoint();
    out.printf("Image classifier API at %s (open it in a browser for the page)%n", api);
    out.printf("  POST %s/classify     the image as the body%n", api);
    out.printf("  POST %s/uploads      {\"contentType\", \"contentLength\"}%n", api);
    out.printf("  GET  %s/results/{key}%n", api);
    out.printf("S3 (S3Proxy): %s, bucket %s%n", server.s3Endpoint(), LocalAccount.BUCKET);
    out.printf(
        "DynamoDB (dynalite): %s, table %s%n", server.dynamoDbEndpoint(), LocalAccount.TABLE);
    out.printf(
        "Try: curl -s -H 'Content-Type: image/png' --data-binary @'samples/uploads/Ankle boot.png'"
            + " %s/classify%n",
        api);
    out.println("Stop with Ctrl+C; the bucket and the table are gone then.");
  }

  private static void closeQuietly(DynaliteServer server) {
    if (server != null) {
      server.close();
    }
  }
}
