package org.imageclassifier.emulators;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The request line and headers of an HTTP/1.1 request that {@link FaultProxy} received, with
 * matchers for S3 and DynamoDB requests.
 *
 * @param method the request method, such as {@code PUT}
 * @param target the request target as sent: path and query, URL-encoded
 * @param headers the header lines in the order received, each {@code [name, value]}
 */
public record RequestHead(String method, String target, List<String[]> headers) {

  /** Creates a head with an unmodifiable copy of the headers. */
  public RequestHead {
    headers = List.copyOf(headers);
  }

  /**
   * Parses a request head: the request line and the header lines, each ending in CRLF, without the
   * blank line that ends the head.
   *
   * @throws IllegalArgumentException when the request line has no method and target
   */
  static RequestHead parse(byte[] head) {
    String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
    String[] requestLine = lines[0].split(" ");
    if (requestLine.length < 2) {
      throw new IllegalArgumentException("Invalid HTTP request line: '" + lines[0] + "'");
    }
    List<String[]> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.add(
            new String[] {
              lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip()
            });
      }
    }
    return new RequestHead(requestLine[0], requestLine[1], headers);
  }

  /** Returns the first value of a header, ignoring the name's case, or null when absent. */
  public String header(String name) {
    for (String[] header : headers) {
      if (header[0].equalsIgnoreCase(name)) {
        return header[1];
      }
    }
    return null;
  }

  /** Returns the decoded path of the target, without the query. */
  public String path() {
    return URI.create(target).getPath();
  }

  /**
   * Returns the DynamoDB operation named by the {@code X-Amz-Target} header, such as {@code
   * PutItem}, or null for requests that are not DynamoDB calls.
   */
  public String dynamoDbOperation() {
    String amzTarget = header("X-Amz-Target");
    return amzTarget == null ? null : amzTarget.substring(amzTarget.indexOf('.') + 1);
  }

  /** Returns a matcher of DynamoDB calls of one operation, such as {@code PutItem}. */
  public static Predicate<RequestHead> dynamoDb(String operation) {
    return head -> operation.equals(head.dynamoDbOperation());
  }

  /**
   * Returns a matcher of path-style S3 requests with a method on the keys of a bucket that start
   * with a prefix, such as {@code PUT} on {@code results/}.
   */
  public static Predicate<RequestHead> s3(String method, String bucket, String keyPrefix) {
    String pathPrefix = "/" + bucket + "/" + keyPrefix;
    return head ->
        head.method().toUpperCase(Locale.ROOT).equals(method) && head.path().startsWith(pathPrefix);
  }

  /** Returns whether the client waits for {@code 100 Continue} before sending the body. */
  boolean expectsContinue() {
    String expect = header("Expect");
    return expect != null && expect.equalsIgnoreCase("100-continue");
  }

  /** Returns whether the body is sent in chunked transfer coding. */
  boolean chunked() {
    String encoding = header("Transfer-Encoding");
    return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
  }

  /** Returns the Content-Length, or 0 when the request has none. */
  long contentLength() {
    String length = header("Content-Length");
    return length == null ? 0 : Long.parseLong(length.strip());
  }

  /**
   * Returns the head to send upstream: the same request line and headers, without the hop-by-hop
   * headers Connection, Keep-Alive, Proxy-Connection and Expect, plus {@code Connection: close}.
   * AWS Signature Version 4 signs none of the removed headers, so the signature stays valid.
   */
  byte[] forUpstream() {
    StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
    for (String[] header : headers) {
      if (!isHopByHop(header[0])) {
        head.append(header[0]).append(": ").append(header[1]).append("\r\n");
      }
    }
    head.append("Connection: close\r\n\r\n");
    return head.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static boolean isHopByHop(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "connection", "keep-alive", "proxy-connection", "expect" -> true;
      default -> false;
    };
  }

  @Override
  public String toString() {
    String operation = dynamoDbOperation();
    return operation == null ? method + " " + target : "POST DynamoDB " + operation;
  }
}
