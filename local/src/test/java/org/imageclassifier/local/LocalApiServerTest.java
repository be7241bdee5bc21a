package org.imageclassifier.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.imageclassifier.emulators.LocalCredentials;
import org.imageclassifier.function.FunctionConfig;
import org.imageclassifier.function.api.ApiConfig;
import org.imageclassifier.function.api.ApiHandler;
import org.imageclassifier.function.api.UploadTicket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The routes of the local server called over HTTP with java.net.http, as a client of the deployed
 * API would call them: every route, every error code, and the upload flow from the presigned PUT to
 * {@code GET /results/{key}}.
 */
@ExtendWith(RunningApiServer.class)
class LocalApiServerTest {

  private static final Path SAMPLES = Path.of("..", "samples", "uploads");
  private static final Path INPUTS =
      Path.of("..", "function", "src", "test", "resources", "api-inputs");
  private static final Duration CLASSIFY_DEADLINE = Duration.ofSeconds(60);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static LocalApiServer server;

  @BeforeAll
  static void useServer(LocalApiServer running) {
    server = running;
  }

  @Test
  void rootServesPage() throws Exception {
    HttpResponse<String> page = get("/");
    HttpResponse<String> script = get("/app.js");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
    assertThat(page.body()).contains("<title>Image classifier</title>", "app.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("fetch('classify'");
  }

  @Test
  void classifyReturnsResult() throws Exception {
    byte[] image = Files.readAllBytes(SAMPLES.resolve("Ankle boot.png"));

    HttpResponse<String> response =
        post("/classify", "image/png", BodyPublishers.ofByteArray(image));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).contains("application/json");
    JsonNode result = MAPPER.readTree(response.body());
    assertThat(result.get("label").asText()).isEqualTo("Ankle boot");
    assertThat(result.get("topK")).hasSize(5);
    assertThat(result.get("source").get("size").asInt()).isEqualTo(image.length);
    assertThat(result.get("model").get("version").asText()).isNotBlank();
  }

  @Test
  void classifyDecodesJpegPhoto() throws Exception {
    byte[] image = Files.readAllBytes(SAMPLES.resolve("rocket launch.jpg"));

    HttpResponse<String> response =
        post("/classify", "image/jpeg", BodyPublishers.ofByteArray(image));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode decoded = MAPPER.readTree(response.body()).get("image");
    assertThat(decoded.get("format").asText()).isEqualTo("JPEG");
    assertThat(decoded.get("width").asInt()).isEqualTo(640);
    assertThat(decoded.get("height").asInt()).isEqualTo(427);
  }

  /** Returns every rejected classify body: the content type, the bytes, the status and the code. */
  static Stream<Arguments> rejectedImages() throws IOException {
    return Stream.of(
        Arguments.of("empty body", "image/png", new byte[0], 400, "EMPTY_IMAGE"),
        Arguments.of(
            "text file", "text/plain", file(SAMPLES, "not an image.txt"), 400, "NOT_AN_IMAGE"),
        Arguments.of(
            "text as binary", "image/png", file(SAMPLES, "not an image.txt"), 400, "NOT_AN_IMAGE"),
        Arguments.of(
            "HEIC photo", "image/heic", file(INPUTS, "heic-photo.heic"), 415, "UNSUPPORTED_FORMAT"),
        Arguments.of(
            "truncated PNG", "image/png", file(INPUTS, "png-truncated.png"), 422, "CORRUPT_IMAGE"),
        Arguments.of(
            "PNG of 100000x100000 pixels",
            "image/png",
            file(INPUTS, "png-bomb-100000x100000.png"),
            413,
            "IMAGE_TOO_LARGE"),
        Arguments.of(
            "body above the handler's limit",
            "image/png",
            new byte[(int) ApiConfig.DEFAULT_MAX_INLINE_IMAGE_BYTES + 1],
            413,
            "PAYLOAD_TOO_LARGE"),
        Arguments.of(
            "body above Lambda's limit",
            "image/png",
            new byte[(int) ApiConfig.MAX_INLINE_IMAGE_BYTES + 1],
            413,
            "PAYLOAD_TOO_LARGE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedImages")
  void classifyRejectsImage(String name, String type, byte[] body, int status, String code)
      throws Exception {
    HttpResponse<String> response = post("/classify", type, BodyPublishers.ofByteArray(body));

    assertError(response, status, code);
  }

  /** Returns every rejected upload request: the JSON body, the status and the code. */
  static Stream<Arguments> rejectedUploads() {
    return Stream.of(
        Arguments.of("not JSON", "{contentType: image/png", 400, "INVALID_REQUEST"),
        Arguments.of(
            "no content length", "{\"contentType\": \"image/png\"}", 400, "INVALID_REQUEST"),
        Arguments.of(
            "HEIC",
            "{\"contentType\": \"image/heic\", \"contentLength\": 9}",
            415,
            "UNSUPPORTED_FORMAT"),
        Arguments.of(
            "above the object limit",
            "{\"contentType\": \"image/png\", \"contentLength\": %d}"
                .formatted(FunctionConfig.DEFAULT_MAX_OBJECT_BYTES + 1),
            413,
            "OBJECT_TOO_LARGE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedUploads")
  void uploadsRejectsRequest(String name, String json, int status, String code) throws Exception {
    HttpResponse<String> response =
        post("/uploads", "application/json", BodyPublishers.ofString(json));

    assertError(response, status, code);
  }

  @Test
  void resultBeforeUploadIsNotFound() throws Exception {
    HttpResponse<String> response = get("/results/uploads%2Fnever%20uploaded.png");

    assertError(response, 404, "RESULT_NOT_FOUND");
    assertThat(response.body()).contains("uploads/never uploaded.png");
  }

  @Test
  void unmatchedRouteGetsGatewayNotFound() throws Exception {
    HttpResponse<String> wrongMethod = get("/classify");
    HttpResponse<String> unknownPath = get("/models");

    assertThat(wrongMethod.statusCode()).isEqualTo(404);
    assertThat(wrongMethod.body()).isEqualTo("{\"message\":\"Not Found\"}");
    assertThat(unknownPath.statusCode()).isEqualTo(404);
    assertThat(unknownPath.body()).isEqualTo("{\"message\":\"Not Found\"}");
  }

  @Test
  void failureInsideIsInternalError() throws Exception {
    HttpServer broken = HttpServer.create(new InetSocketAddress(LocalCredentials.HOST, 0), 0);
    // The table does not exist, so DynamoDB fails the read inside the handler.
    try (ApiHandler handler =
        new ApiHandler(ApiConfig.withDefaults(config("missing-table"), LocalAccount.BUCKET))) {
      broken.createContext("/", new HttpApiGateway(handler, new StaticPage()));
      broken.start();
      URI url =
          URI.create(
              "http://%s:%d/results/uploads/x.png"
                  .formatted(LocalCredentials.HOST, broken.getAddress().getPort()));

      HttpResponse<String> response =
          HTTP.send(HttpRequest.newBuilder(url).build(), BodyHandlers.ofString());

      assertError(response, 500, "INTERNAL_ERROR");
      assertThat(response.body()).doesNotContain("Exception", "missing-table");
    } finally {
      broken.stop(0);
    }
  }

  @Test
  void presignedUploadReachesResults() throws Exception {
    byte[] image = Files.readAllBytes(SAMPLES.resolve("Sneaker.png"));
    String request =
        "{\"contentType\": \"image/png\", \"contentLength\": %d}".formatted(image.length);
    HttpResponse<String> created =
        post("/uploads", "application/json", BodyPublishers.ofString(request));
    UploadTicket ticket = MAPPER.readValue(created.body(), UploadTicket.class);
    HttpResponse<String> before = get(ticket.result().path());

    HttpResponse<String> put = put(ticket, image);
    HttpResponse<String> result = awaitResult(ticket.result().path());
    HttpResponse<String> slashPath = get("/results/" + ticket.key());

    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(ticket.upload().url()).startsWith(server.s3Endpoint().toString());
    assertThat(before.statusCode()).isEqualTo(404);
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(result.statusCode()).isEqualTo(200);
    JsonNode stored = MAPPER.readTree(result.body());
    assertThat(stored.get("label").asText()).isEqualTo("Sneaker");
    assertThat(stored.get("source").get("key").asText()).isEqualTo(ticket.key());
    assertThat(stored.get("source").get("bucket").asText()).isEqualTo(LocalAccount.BUCKET);
    assertThat(slashPath.statusCode()).isEqualTo(200);
    assertThat(MAPPER.readTree(slashPath.body())).isEqualTo(stored);
  }

  @Test
  void presignedUrlRejectsOtherSize() throws Exception {
    byte[] image = Files.readAllBytes(SAMPLES.resolve("Bag.png"));
    String request =
        "{\"contentType\": \"image/png\", \"contentLength\": %d}".formatted(image.length - 1);
    HttpResponse<String> created =
        post("/uploads", "application/json", BodyPublishers.ofString(request));
    UploadTicket ticket = MAPPER.readValue(created.body(), UploadTicket.class);

    HttpResponse<String> put = put(ticket, image);

    assertThat(put.statusCode()).isEqualTo(403);
  }

  private static HttpResponse<String> awaitResult(String path) throws Exception {
    Instant deadline = Instant.now().plus(CLASSIFY_DEADLINE);
    HttpResponse<String> response = get(path);
    while (response.statusCode() == 404 && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      response = get(path);
    }
    return response;
  }

  private static void assertError(HttpResponse<String> response, int status, String code)
      throws IOException {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("content-type")).contains("application/json");
    JsonNode error = MAPPER.readTree(response.body());
    assertThat(error.get("code").asText()).isEqualTo(code);
    assertThat(error.get("message").asText()).isNotBlank();
    assertThat(error.get("requestId").asText()).isNotBlank();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(server.endpoint().resolve(path)).build();
    return HTTP.send(request, BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String contentType, BodyPublisher body)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(server.endpoint().resolve(path))
            .header("Content-Type", contentType)
            .POST(body)
            .build();
    return HTTP.send(request, BodyHandlers.ofString());
  }

  private static HttpResponse<String> put(UploadTicket ticket, byte[] body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(ticket.upload().url()))
            .header("Content-Type", ticket.upload().headers().get("content-type"))
            .PUT(BodyPublishers.ofByteArray(body))
            .build();
    return HTTP.send(request, BodyHandlers.ofString());
  }

  private static FunctionConfig config(String table) {
    return new FunctionConfig(
        table,
        FunctionConfig.DEFAULT_RESULTS_PREFIX,
        FunctionConfig.DEFAULT_MAX_OBJECT_BYTES,
        Region.of(LocalCredentials.REGION),
        server.s3Endpoint(),
        server.dynamoDbEndpoint(),
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(
                LocalCredentials.ACCESS_KEY_ID, LocalCredentials.SECRET_ACCESS_KEY)));
  }

  private static byte[] file(Path folder, String name) throws IOException {
    return Files.readAllBytes(folder.resolve(name));
  }
}
