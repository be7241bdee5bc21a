package org.imageclassifier.emulators;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP/1.1 proxy on a free loopback port that forwards requests to one server, such as S3Proxy
 * or dynalite. Requests that match a fault rule get an error response, a delay, a slow response, a
 * stall or a dropped connection instead. Point a client's endpoint override at {@link #endpoint()}
 * to test its retries through a real HTTP layer.
 *
 * <p>Each connection carries one request: the proxy forwards it with {@code Connection: close} and
 * closes both sides after the response. Request bodies with Content-Length or chunked transfer
 * coding are read whole (at most {@value #MAX_BODY_BYTES} bytes) before a rule is applied, and the
 * proxy itself sends the {@code 100 Continue} that {@code Expect: 100-continue} waits for. The Host
 * header is forwarded unchanged, so signed requests stay valid for servers that check AWS Signature
 * Version 4 against it.
 *
 * <p>Thread-safe: rules may be added while requests run. Every request is recorded in {@link
 * #requests()}.
 */
public final class FaultProxy implements AutoCloseable {

  /** Largest request body the proxy reads: 64 MiB. */
  public static final int MAX_BODY_BYTES = 64 << 20;

  private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);
  private static final int MAX_HEAD_BYTES = 64 << 10;
  private static final Duration CLIENT_READ_TIMEOUT = Duration.ofSeconds(30);

  private final ServerSocket server;
  private final URI upstream;
  private final URI endpoint;
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final List<RequestHead> requests = new CopyOnWriteArrayList<>();
  private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();

  private FaultProxy(ServerSocket server, URI upstream) {
    this.server = server;
    this.upstream = upstream;
    this.endpoint = URI.create("http://" + LocalCredentials.HOST + ":" + server.getLocalPort());
  }

  /**
   * Starts a proxy on 127.0.0.1 and a free port.
   *
   * @param upstream the server to forward to, {@code http://host:port}; plain HTTP only
   * @throws IOException when the port cannot be opened
   */
  public static FaultProxy start(URI upstream) throws IOException {
    if (!"http".equals(upstream.getScheme()) || upstream.getPort() < 0) {
      throw new IllegalArgumentException(
          "upstream must be http://host:port, was "
              + upstream
              + ". FaultProxy forwards plain HTTP");
    }
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName(LocalCredentials.HOST));
    FaultProxy proxy = new FaultProxy(server, upstream);
    Thread.ofPlatform().daemon().name("fault-proxy-" + server.getLocalPort()).start(proxy::accept);
    LOG.info("FaultProxy at {} forwards to {}", proxy.endpoint, upstream);
    return proxy;
  }

  /** Returns the endpoint for clients, {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * Applies a fault to the next requests that match, in the order rules were added.
   *
   * @param matcher which requests the rule applies to, see {@link RequestHead#dynamoDb} and {@link
   *     RequestHead#s3}
   * @param times how many matching requests get the fault, at least 1; {@link Integer#MAX_VALUE}
   *     for all
   * @param fault what to do with them
   */
  public void inject(Predicate<RequestHead> matcher, int times, Fault fault) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, was " + times);
    }
    rules.add(new Rule(matcher, new AtomicInteger(times), fault));
  }

  /** Removes every rule that has not run out; later requests are forwarded. */
  public void clearFaults() {
    rules.clear();
  }

  /** Returns every request received so far, in arrival order. */
  public List<RequestHead> requests() {
    return List.copyOf(requests);
  }

  /** Returns how many requests received so far match. */
  public long count(Predicate<RequestHead> matcher) {
    return requests.stream().filter(matcher).count();
  }

  /** Stops accepting, ends open connections and stalls, and closes the port. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      LOG.warn("FaultProxy at {} did not close its port cleanly", endpoint, e);
    }
    connections.shutdownNow();
    LOG.info("FaultProxy at {} stopped", endpoint);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        connections.submit(() -> serve(client));
      } catch (IOException e) {
        if (!server.isClosed()) {
          LOG.warn("FaultProxy at {} failed to accept a connection", endpoint, e);
        }
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      client.setSoTimeout((int) CLIENT_READ_TIMEOUT.toMillis());
      InputStream in = new BufferedInputStream(client.getInputStream());
      byte[] rawHead = readHead(in);
      if (rawHead == null) {
        return;
      }
      RequestHead head = RequestHead.parse(rawHead);
      if (head.expectsContinue()) {
        write(client.getOutputStream(), "HTTP/1.1 100 Continue\r\n\r\n");
      }
      byte[] body = head.chunked() ? readChunked(in) : readBody(in, head.contentLength());
      requests.add(head);
      handle(head, body, client);
    } catch (IOException | RuntimeException e) {
      LOG.debug("FaultProxy at {}: connection ended: {}", endpoint, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(RequestHead head, byte[] body, Socket client)
      throws IOException, InterruptedException {
    Fault fault = claimFault(head);
    switch (fault) {
      case null -> forward(head, body, client, null);
      case Fault.Respond respond -> respond(client.getOutputStream(), respond);
      case Fault.DelayThenForward delay -> {
        Thread.sleep(delay.delay());
        forward(head, body, client, null);
      }
      case Fault.Throttle throttle -> forward(head, body, client, throttle);
      case Fault.Stall stall -> Thread.sleep(stall.duration());
      case Fault.Disconnect disconnect -> client.setSoLinger(true, 0);
    }
  }

  private Fault claimFault(RequestHead head) {
    for (Rule rule : rules) {
      if (rule.matcher().test(head) && rule.remaining().getAndDecrement() > 0) {
        LOG.info("FaultProxy at {}: {} gets {}", endpoint, head, describe(rule.fault()));
        return rule.fault();
      }
    }
    return null;
  }

  /** Forwards the request and copies the response back, at the throttle's rate when not null. */
  private void forward(RequestHead head, byte[] body, Socket client, Fault.Throttle throttle)
      throws IOException, InterruptedException {
    try (Socket server = new Socket(upstream.getHost(), upstream.getPort())) {
      OutputStream out = server.getOutputStream();
      out.write(head.forUpstream());
      out.write(body);
      out.flush();
      if (throttle == null) {
        server.getInputStream().transferTo(client.getOutputStream());
      } else {
        copySlowly(server.getInputStream(), client.getOutputStream(), throttle.bytesPerSecond());
      }
    } catch (SocketException e) {
      LOG.debug("FaultProxy at {}: forwarding {} ended: {}", endpoint, head, e.toString());
    }
  }

  private static void copySlowly(InputStream in, OutputStream out, int bytesPerSecond)
      throws IOException, InterruptedException {
    byte[] piece = new byte[bytesPerSecond / 10];
    for (int read = in.read(piece); read >= 0; read = in.read(piece)) {
      out.write(piece, 0, read);
      out.flush();
      Thread.sleep(100);
    }
  }

  private static void respond(OutputStream out, Fault.Respond respond) throws IOException {
    StringBuilder head = new StringBuilder("HTTP/1.1 " + respond.status() + " Fault\r\n");
    for (Map.Entry<String, String> header : respond.headers().entrySet()) {
      head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
    }
    head.append("Content-Length: ").append(respond.body().length).append("\r\n");
    head.append("Connection: close\r\n\r\n");
    write(out, head.toString());
    out.write(respond.body());
    out.flush();
  }

  /** Reads up to the blank line that ends the head; returns null when the client sent nothing. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return head.size() == 0 ? null : throwTruncated("request head");
      }
      head.write(b);
      matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (head.size() > MAX_HEAD_BYTES) {
        throw new IOException("The request head is longer than " + MAX_HEAD_BYTES + " bytes");
      }
    }
    byte[] bytes = head.toByteArray();
    return Arrays.copyOf(bytes, bytes.length - 4);
  }

  private static byte[] readBody(InputStream in, long length) throws IOException {
    if (length > MAX_BODY_BYTES) {
      throw new IOException("The request body is " + length + " bytes, above " + MAX_BODY_BYTES);
    }
    byte[] body = in.readNBytes((int) length);
    return body.length == length ? body : throwTruncated("request body");
  }

  /** Reads a chunked body as sent, chunk sizes and trailers included, to forward it unchanged. */
  private static byte[] readChunked(InputStream in) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in, raw);
      int size = Integer.parseInt(sizeLine.split(";", 2)[0].strip(), 16);
      if (size == 0) {
        while (!readLine(in, raw).isEmpty()) {
          // Trailer fields are forwarded as they are.
        }
        return raw.toByteArray();
      }
      raw.write(readBody(in, size + 2L));
      if (raw.size() > MAX_BODY_BYTES) {
        throw new IOException("The chunked request body is above " + MAX_BODY_BYTES + " bytes");
      }
    }
  }

  /** Reads one CRLF-terminated line, copies it to {@code raw} and returns it without the CRLF. */
  private static String readLine(InputStream in, ByteArrayOutputStream raw) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int previous = -1;
    for (int b = in.read(); b >= 0; b = in.read()) {
      raw.write(b);
      if (previous == '\r' && b == '\n') {
        byte[] bytes = line.toByteArray();
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
      previous = b;
    }
    return throwTruncated("chunked request body");
  }

  private static <T> T throwTruncated(String part) throws IOException {
    throw new IOException("The client closed the connection in the middle of the " + part);
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static String describe(Fault fault) {
    return fault instanceof Fault.Respond respond ? "status " + respond.status() : fault.toString();
  }

  /** A fault rule and how many more matching requests it applies to. */
  private record Rule(Predicate<RequestHead> matcher, AtomicInteger remaining, Fault fault) {}
}
