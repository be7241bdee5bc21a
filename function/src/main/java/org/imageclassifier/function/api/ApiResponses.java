package org.imageclassifier.function.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Builds the JSON responses of the HTTP API. */
final class ApiResponses {

  /** Headers of every response: JSON, and never cached, because a 404 result turns into a 200. */
  private static final Map<String, String> HEADERS =
      Map.of("content-type", "application/json", "cache-control", "no-store");

  private final ObjectMapper mapper;

  ApiResponses(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Returns a response with the status and the body serialised as JSON. */
  APIGatewayV2HTTPResponse json(int status, Object body) {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(HEADERS)
        .withBody(write(body))
        .withIsBase64Encoded(false)
        .build();
  }

  /** Returns the error response of a rejected request. */
  APIGatewayV2HTTPResponse error(ApiException e, String requestId) {
    return json(e.status(), new ErrorResponse(e.code(), e.getMessage(), requestId));
  }

  /** Returns a 500 response that names the request id and nothing of the failure. */
  APIGatewayV2HTTPResponse internalError(String requestId) {
    String message =
        "The request failed inside the function. Try again; if it keeps failing, report the request"
            + " id";
    return json(500, new ErrorResponse(ApiErrors.INTERNAL_ERROR, message, requestId));
  }

  private String write(Object body) {
    try {
      return mapper.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write " + body.getClass().getSimpleName(), e);
    }
  }
}
