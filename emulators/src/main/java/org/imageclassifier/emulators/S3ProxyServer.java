package org.imageclassifier.emulators;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An S3 API server on a free loopback port: S3Proxy in this JVM over jclouds' in-memory
 * ("transient") blob store. Requests must be signed with AWS Signature Version 4 and the {@link
 * LocalCredentials} key pair, and clients must use path-style addressing. Everything stored is lost
 * on {@link #close()}.
 *
 * <p>Note that S3Proxy does not implement object versioning or bucket notifications: callers send
 * the S3 event themselves.
 */
public final class S3ProxyServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(S3ProxyServer.class);

  private final BlobStoreContext blobStoreContext;
  private final S3Proxy proxy;
  private final URI endpoint;

  private S3ProxyServer(BlobStoreContext blobStoreContext, S3Proxy proxy) {
    this.blobStoreContext = blobStoreContext;
    this.proxy = proxy;
    this.endpoint = URI.create("http://" + LocalCredentials.HOST + ":" + proxy.getPort());
  }

  /**
   * Starts a server on 127.0.0.1 and a free port.
   *
   * @throws IllegalStateException when the server cannot start
   */
  public static S3ProxyServer start() {
    BlobStoreContext context = newBlobStoreContext();
    try {
      S3Proxy proxy = newProxy(context);
      proxy.start();
      S3ProxyServer server = new S3ProxyServer(context, proxy);
      LOG.info("S3Proxy started at {}", server.endpoint);
      return server;
    } catch (Exception e) {
      context.close();
      throw new IllegalStateException("S3Proxy failed to start: " + e.getMessage(), e);
    }
  }

  private static BlobStoreContext newBlobStoreContext() {
    return ContextBuilder.newBuilder("transient")
        .credentials(LocalCredentials.ACCESS_KEY_ID, LocalCredentials.SECRET_ACCESS_KEY)
        .overrides(new Properties())
        .buildView(BlobStoreContext.class);
  }

  private static S3Proxy newProxy(BlobStoreContext context) {
    return S3Proxy.builder()
        .blobStore(context.getBlobStore())
        .endpoint(URI.create("http://" + LocalCredentials.HOST + ":0"))
        .awsAuthentication(
            AuthenticationType.AWS_V4,
            LocalCredentials.ACCESS_KEY_ID,
            LocalCredentials.SECRET_ACCESS_KEY)
        .build();
  }

  /** Returns the endpoint for S3 clients, {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return endpoint;
  }

  /** Stops the server and drops every bucket and object. */
  @Override
  public void close() {
    try {
      proxy.stop();
      LOG.info("S3Proxy at {} stopped", endpoint);
    } catch (Exception e) {
      LOG.warn("S3Proxy at {} did not stop cleanly", endpoint, e);
    } finally {
      blobStoreContext.close();
    }
  }
}
