package org.imageclassifier.function.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageclassifier.function.JsonDocuments.assertSameDocument;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.imageclassifier.emulators.LocalLambdaContext;
import org.imageclassifier.emulators.S3Notifications;
import org.imageclassifier.function.AwsEndpoints;
import org.imageclassifier.function.ClassificationResult;
import org.imageclassifier.function.ClassificationResult.Status;
import org.imageclassifier.function.ClassifyHandler;
import org.imageclassifier.function.DynamoDbJson;
import org.imageclassifier.function.FunctionConfig;
import org.imageclassifier.function.LocalServers;
import org.imageclassifier.function.RecordOutcome.Disposition;
import org.imageclassifier.function.ResultsTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The API handler invoked in-process with the sample events of {@code events/}, loaded the way the
 * Lambda runtime reads them, against S3Proxy and dynalite. The tests use a bucket and a table of
 * their own, so results stored by other test classes cannot change what they read.
 */
@ExtendWith(LocalServers.class)
class ApiHandlerTest {

  private static final String BUCKET = "api-uploads";
  private static final String TABLE = "api-results";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static AwsEndpoints aws;
  private static ApiConfig config;
  private static ApiHandler api;
  private static ClassifyHandler classify;

  @BeforeAll
  static void createHandlers(AwsEndpoints endpoints) {
    aws = endpoints;
    aws.s3().createBucket(b -> b.bucket(BUCKET));
    aws.dynamoDb().createTable(ResultsTable.createRequest(TABLE));
    config = ApiConfig.withDefaults(functionConfig(TABLE), BUCKET);
    api = new ApiHandler(config);
    classify = new ClassifyHandler(config.function());
  }

  @AfterAll
  static void closeHandlers() {
    api.close();
    classify.close();
  }

  @Test
  void classifyEventReturnsResult() throws IOException {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/api-classify.json");
    LocalLambdaContext context = context();

    APIGatewayV2HTTPResponse response = api.handleRequest(event, context);

    assertThat(event.getIsBase64Encoded()).isTrue();
    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
    ClassificationResult result = MAPPER.readValue(response.getBody(), ClassificationResult.class);
    assertThat(result.requestId()).isEqualTo(context.getAwsRequestId());
    assertThat(result.status()).isIn(Status.CLASSIFIED, Status.BELOW_THRESHOLD);
    assertThat(result.label()).isEqualTo("Ankle boot");
    assertThat(result.topK()).hasSize(5);
    assertThat(result.topK().getFirst().label()).isEqualTo(result.label());
    assertThat(result.image()).isEqualTo(new ClassificationResult.ImageInfo("PNG", 28, 28, 1));
    assertThat(result.source().size()).isEqualTo(401);
    assertThat(result.source().bucket()).isNull();
    assertThat(result.timingsMs().download()).isNull();
    assertThat(result.timingsMs().inference()).isPositive();
    assertThat(result.model().sha256()).matches("[0-9a-f]{64}");
  }

  @Test
  void classifyResultHasStoredFields() throws Exception {
    String key = "uploads/schema check.png";
    storeResult(key, eventImage());
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/api-classify.json");

    JsonNode inline = MAPPER.readTree(api.handleRequest(event, context()).getBody());
    JsonNode stored = resultObject(key);

    assertThat(fieldNames(inline)).isEqualTo(fieldNames(stored));
    assertThat(fieldNames(inline.get("model"))).isEqualTo(fieldNames(stored.get("model")));
    assertThat(fieldNames(inline.get("image"))).isEqualTo(fieldNames(stored.get("image")));
  }

  @Test
  void uploadEventReturnsPresignedPut() throws IOException {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/api-upload.json");
    Instant before = Instant.now();

    APIGatewayV2HTTPResponse response = api.handleRequest(event, context());

    assertThat(response.getStatusCode()).isEqualTo(200);
    UploadTicket ticket = MAPPER.readValue(response.getBody(), UploadTicket.class);
    assertThat(ticket.key()).matches("uploads/[0-9a-f-]{36}\\.png");
    assertThat(ticket.upload().method()).isEqualTo("PUT");
    assertThat(ticket.upload().url())
        .startsWith(aws.config().s3Endpoint() + "/" + BUCKET + "/" + ticket.key() + "?");
    assertThat(ticket.upload().url()).contains("X-Amz-Expires=900");
    assertThat(ticket.upload().url())
        .contains("X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost");
    assertThat(ticket.upload().headers())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("content-type", "image/png", "content-length", "401"));
    assertThat(Instant.parse(ticket.upload().expiresAt()))
        .isBetween(before.plusSeconds(899), before.plusSeconds(960));
    assertThat(ticket.result().s3Uri())
        .isEqualTo("s3://" + BUCKET + "/results/" + ticket.key() + ".json");
    assertThat(ticket.result().path())
        .isEqualTo("/results/uploads%2F" + ticket.key().substring("uploads/".length()));
  }

  @Test
  void presignedUploadIsClassified() throws Exception {
    byte[] image = eventImage();
    UploadTicket ticket = upload("image/png", image.length);
    APIGatewayV2HTTPEvent before = resultEvent(ticket.key());
    assertThat(api.handleRequest(before, context()).getStatusCode()).isEqualTo(404);

    HttpResponse<String> put = put(ticket, "image/png", image);
    Disposition disposition = notifyUpload(ticket.key());
    APIGatewayV2HTTPResponse after = api.handleRequest(resultEvent(ticket.key()), context());

    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(disposition).isEqualTo(Disposition.STORED);
    assertThat(after.getStatusCode()).isEqualTo(200);
    ClassificationResult result = MAPPER.readValue(after.getBody(), ClassificationResult.class);
    assertThat(result.label()).isEqualTo("Ankle boot");
    assertThat(result.source().key()).isEqualTo(ticket.key());
    assertThat(result.source().size()).isEqualTo(image.length);
  }

  @Test
  void presignedUrlRejectsOtherTypeOrSize() throws Exception {
    byte[] image = eventImage();
    UploadTicket ticket = upload("image/png", image.length);
    byte[] longer = Arrays.copyOf(image, image.length + 1);

    HttpResponse<String> otherType = put(ticket, "image/jpeg", image);
    HttpResponse<String> otherSize = put(ticket, "image/png", longer);

    assertThat(otherType.statusCode()).isEqualTo(403);
    assertThat(otherSize.statusCode()).isEqualTo(403);
    assertThat(objectExists(ticket.key())).isFalse();
  }

  @Test
  void presignedUrlCannotWriteOtherKey() throws Exception {
    byte[] image = eventImage();
    UploadTicket ticket = upload("image/png", image.length);
    String otherKey = "results/" + ticket.key() + ".json";
    String url = ticket.upload().url().replace("/" + ticket.key() + "?", "/" + otherKey + "?");
    UploadTicket redirected =
        new UploadTicket(
            otherKey,
            new UploadTicket.Upload(
                "PUT", url, ticket.upload().headers(), ticket.upload().expiresAt()),
            ticket.result());

    HttpResponse<String> response = put(redirected, "image/png", image);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(objectExists(otherKey)).isFalse();
  }

  @Test
  void resultEventReturnsStoredResult() throws Exception {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/api-result.json");
    String key = event.getPathParameters().get(Route.KEY_PARAMETER);
    storeResult(key, eventImage());

    APIGatewayV2HTTPResponse response = api.handleRequest(event, context());

    assertThat(key).isEqualTo("uploads/Ankle boot.png");
    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode body = MAPPER.readTree(response.getBody());
    assertSameDocument(body, resultObject(key));
    assertSameDocument(body, itemDocument(key));
  }

  @Test
  void resultEventBeforeResultIsNotFound() throws IOException {
    LocalLambdaContext context = context();

    APIGatewayV2HTTPResponse response =
        api.handleRequest(resultEvent("uploads/never uploaded.png"), context);

    assertError(response, 404, ApiErrors.RESULT_NOT_FOUND, context);
  }

  /** Returns every rejected classify body: the bytes, the expected status and the expected code. */
  static Stream<Arguments> rejectedImages() throws IOException {
    byte[] text = "Packing list\n- 2 shirts\n".getBytes(StandardCharsets.UTF_8);
    return Stream.of(
        Arguments.of("empty body", new byte[0], 400, "EMPTY_IMAGE"),
        Arguments.of("text", text, 400, "NOT_AN_IMAGE"),
        Arguments.of(
            "HEIC photo", resource("api-inputs/heic-photo.heic"), 415, "UNSUPPORTED_FORMAT"),
        Arguments.of(
            "truncated PNG", resource("api-inputs/png-truncated.png"), 422, "CORRUPT_IMAGE"),
        Arguments.of(
            "PNG of 100000x100000 pixels",
            resource("api-inputs/png-bomb-100000x100000.png"),
            413,
            "IMAGE_TOO_LARGE"),
        Arguments.of(
            "body above 4 MiB",
            new byte[(int) ApiConfig.DEFAULT_MAX_INLINE_IMAGE_BYTES + 1],
            413,
            ApiErrors.PAYLOAD_TOO_LARGE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedImages")
  void classifyRejectsImage(String name, byte[] body, int status, String code) throws IOException {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/api-classify.json");
    event.setBody(Base64.getEncoder().encodeToString(body));
    LocalLambdaContext context = context();

    APIGatewayV2HTTPResponse response = api.handleRequest(event, context);

    assertError(response, status, code, context);
  }

  @Test
  void classifyRejectsInvalidBase64() throws IOException {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/api-classify.json");
    event.setBody("not base64 at all!");
    LocalLambdaContext context = context();

    APIGatewayV2HTTPResponse response = api.handleRequest(event, context);

    assertError(response, 400, ApiErrors.INVALID_REQUEST, context);
  }

  @Test
  void classifyReadsTextBodyAsIs() throws IOException {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/api-classify.json");
    event.setIsBase64Encoded(false);
    event.setBody("iVBORw0KGgo=");
    LocalLambdaContext context = context();

    APIGatewayV2HTTPResponse response = api.handleRequest(event, context);

    // The base64 text of a PNG signature, taken as text, is not an image.
    assertError(response, 400, "NOT_AN_IMAGE", context);
  }

  /**
   * Returns every rejected upload request: the JSON body, the expected status and the expected
   * code.
   */
  static Stream<Arguments> rejectedUploads() {
    return Stream.of(
        Arguments.of("not JSON", "contentType=image/png", 400, ApiErrors.INVALID_REQUEST),
        Arguments.of("JSON array", "[]", 400, ApiErrors.INVALID_REQUEST),
        Arguments.of("no content type", "{\"contentLength\": 10}", 400, ApiErrors.INVALID_REQUEST),
        Arguments.of(
            "no content length",
            "{\"contentType\": \"image/png\"}",
            400,
            ApiErrors.INVALID_REQUEST),
        Arguments.of(
            "zero length",
            "{\"contentType\": \"image/png\", \"contentLength\": 0}",
            400,
            ApiErrors.INVALID_REQUEST),
        Arguments.of(
            "length as text",
            "{\"contentType\": \"image/png\", \"contentLength\": \"10\"}",
            400,
            ApiErrors.INVALID_REQUEST),
        Arguments.of(
            "HEIC",
            "{\"contentType\": \"image/heic\", \"contentLength\": 10}",
            415,
            "UNSUPPORTED_FORMAT"),
        Arguments.of(
            "above the object limit",
            "{\"contentType\": \"image/png\", \"contentLength\": %d}"
                .formatted(FunctionConfig.DEFAULT_MAX_OBJECT_BYTES + 1),
            413,
            ApiErrors.OBJECT_TOO_LARGE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedUploads")
  void uploadRejectsRequest(String name, String body, int status, String code) throws IOException {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/api-upload.json");
    event.setBody(body);
    LocalLambdaContext context = context();

    APIGatewayV2HTTPResponse response = api.handleRequest(event, context);

    assertError(response, status, code, context);
  }

  @Test
  void unknownRouteIsNotFound() throws IOException {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/api-upload.json");
    event.setRouteKey("DELETE /uploads");
    LocalLambdaContext context = context();

    APIGatewayV2HTTPResponse response = api.handleRequest(event, context);

    assertError(response, 404, ApiErrors.ROUTE_NOT_FOUND, context);
  }

  @Test
  void failureInsideIsInternalError() throws IOException {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/api-result.json");
    LocalLambdaContext context = context();
    APIGatewayV2HTTPResponse response;
    // The table does not exist, so DynamoDB fails the read.
    try (ApiHandler broken =
        new ApiHandler(ApiConfig.withDefaults(functionConfig("missing-table"), BUCKET))) {
      response = broken.handleRequest(event, context);
    }

    assertError(response, 500, ApiErrors.INTERNAL_ERROR, context);
    assertThat(response.getBody()).doesNotContain("Exception", "missing-table", "\tat ");
  }

  @Test
  void runtimeSerializerWritesResponse() throws IOException {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/api-upload.json");
    APIGatewayV2HTTPResponse response = api.handleRequest(event, context());
    PojoSerializer<APIGatewayV2HTTPResponse> serializer =
        JacksonFactory.getInstance().getSerializer(APIGatewayV2HTTPResponse.class);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    serializer.toJson(response, out);

    JsonNode json = MAPPER.readTree(out.toByteArray());
    assertThat(json.get("statusCode").asInt()).isEqualTo(200);
    assertThat(json.get("headers").get("content-type").asText()).isEqualTo("application/json");
    assertThat(json.get("isBase64Encoded").asBoolean()).isFalse();
    assertThat(MAPPER.readTree(json.get("body").asText()).get("key").asText())
        .startsWith("uploads/");
  }

  private static void assertError(
      APIGatewayV2HTTPResponse response, int status, String code, LocalLambdaContext context)
      throws IOException {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
    ErrorResponse error = MAPPER.readValue(response.getBody(), ErrorResponse.class);
    assertThat(error.code()).isEqualTo(code);
    assertThat(error.message()).isNotBlank();
    assertThat(error.requestId()).isEqualTo(context.getAwsRequestId());
  }

  private static UploadTicket upload(String contentType, long contentLength) throws IOException {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/api-upload.json");
    event.setBody(
        MAPPER.writeValueAsString(
            Map.of("contentType", contentType, "contentLength", contentLength)));
    APIGatewayV2HTTPResponse response = api.handleRequest(event, context());
    assertThat(response.getStatusCode()).isEqualTo(200);
    return MAPPER.readValue(response.getBody(), UploadTicket.class);
  }

  private static HttpResponse<String> put(UploadTicket ticket, String contentType, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(ticket.upload().url()))
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Sends the S3 event of an uploaded object to the classify handler, as S3 would. */
  private static Disposition notifyUpload(String key) {
    HeadObjectResponse head = aws.s3().headObject(b -> b.bucket(BUCKET).key(key));
    S3Event event =
        S3Notifications.objectCreated(
            BUCKET,
            key,
            head.contentLength(),
            S3Notifications.unquoteETag(head.eTag()),
            head.versionId(),
            S3Notifications.nextSequencer());
    return classify.handleRequest(event, context()).records().getFirst().disposition();
  }

  private static void storeResult(String key, byte[] image) {
    aws.s3().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(image));
    notifyUpload(key);
  }

  private static APIGatewayV2HTTPEvent resultEvent(String key) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/api-result.json");
    event.setRawPath("/results/" + key);
    event.setPathParameters(Map.of(Route.KEY_PARAMETER, key));
    return event;
  }

  private static boolean objectExists(String key) {
    return aws.s3().listObjectsV2(b -> b.bucket(BUCKET).prefix(key)).keyCount() > 0;
  }

  private static JsonNode resultObject(String key) throws IOException {
    byte[] bytes =
        aws.s3()
            .getObjectAsBytes(b -> b.bucket(BUCKET).key(config.function().resultKey(key)))
            .asByteArray();
    return MAPPER.readTree(bytes);
  }

  /** Returns the DynamoDB item as JSON without the key and event order attributes. */
  private static JsonNode itemDocument(String key) {
    Map<String, AttributeValue> item =
        aws.dynamoDb()
            .getItem(
                b ->
                    b.tableName(TABLE)
                        .key(Map.of(ResultsTable.KEY_ATTRIBUTE, AttributeValue.fromS(key)))
                        .consistentRead(true))
            .item();
    ObjectNode document = DynamoDbJson.fromItem(item);
    document.remove(List.of(ResultsTable.KEY_ATTRIBUTE, ResultsTable.ORDER_ATTRIBUTE));
    return document;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    Collections.sort(names);
    return names;
  }

  private static FunctionConfig functionConfig(String table) {
    FunctionConfig shared = aws.config();
    return new FunctionConfig(
        table,
        shared.resultsPrefix(),
        shared.maxObjectBytes(),
        shared.region(),
        shared.s3Endpoint(),
        shared.dynamoDbEndpoint(),
        shared.credentials());
  }

  private static LocalLambdaContext context() {
    return new LocalLambdaContext("classify-api", 1024, Duration.ofSeconds(30));
  }

  /** Returns the PNG of {@code events/api-classify.json}: a Fashion-MNIST ankle boot. */
  private static byte[] eventImage() {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/api-classify.json");
    return Base64.getDecoder().decode(event.getBody());
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = ApiHandlerTest.class.getClassLoader().getResourceAsStream(name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    }
  }
}
