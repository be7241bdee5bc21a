package org.imageclassifier.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The page at {@code GET /}: plain HTML, CSS and JavaScript from the classpath folder {@value
 * #FOLDER}, with no build step. It posts the chosen image to {@code POST /classify} and draws the
 * top-5 labels.
 */
final class StaticPage {

  /** Classpath folder of the page's files. */
  static final String FOLDER = "web/";

  /** Served paths, each with its file and content type. */
  private static final Map<String, Asset> ASSETS =
      Map.of(
          "/", new Asset("index.html", "text/html; charset=utf-8"),
          "/index.html", new Asset("index.html", "text/html; charset=utf-8"),
          "/app.css", new Asset("app.css", "text/css; charset=utf-8"),
          "/app.js", new Asset("app.js", "text/javascript; charset=utf-8"));

  private record Asset(String file, String contentType) {}

  /** Returns whether the request is for one of the page's files. */
  boolean serves(String method, String path) {
    return method.equals("GET") && ASSETS.containsKey(path);
  }

  /**
   * Writes the file of a served path.
   *
   * @throws IOException when the file is missing from the classpath or the client disconnects
   */
  void write(HttpExchange exchange, String path) throws IOException {
    Asset asset = ASSETS.get(path);
    byte[] bytes = read(asset.file());
    exchange.getResponseHeaders().set("content-type", asset.contentType());
    exchange.getResponseHeaders().set("cache-control", "no-cache");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static byte[] read(String file) throws IOException {
    try (InputStream in = StaticPage.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        throw new IOException(
            "The local module has no resource "
                + FOLDER
                + file
                + ". Rebuild it with ./serve-local");
      }
      return in.readAllBytes();
    }
  }
}
