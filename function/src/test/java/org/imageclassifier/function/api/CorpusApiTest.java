package org.imageclassifier.function.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.imageclassifier.core.corpus.CorpusCase;
import org.imageclassifier.core.image.ErrorCode;
import org.imageclassifier.emulators.LocalLambdaContext;
import org.imageclassifier.function.AwsEndpoints;
import org.imageclassifier.function.ClassificationResult;
import org.imageclassifier.function.ClassificationResult.Status;
import org.imageclassifier.function.LocalServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus input sent to {@code POST /classify} as the base64 body of {@code
 * events/api-classify.json}, checked against {@code cases.csv}: a result for the classified inputs,
 * the error code and its HTTP status for the rejected ones.
 */
@ExtendWith(LocalServers.class)
class CorpusApiTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static ApiHandler api;

  @BeforeAll
  static void createHandler(AwsEndpoints aws) {
    api = new ApiHandler(ApiConfig.withDefaults(aws.config(), aws.bucket()));
  }

  @AfterAll
  static void closeHandler() {
    api.close();
  }

  static List<CorpusCase> cases() {
    return CorpusCase.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void responseMatchesCase(CorpusCase input) throws IOException {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/api-classify.json");
    event.setIsBase64Encoded(true);
    event.setBody(Base64.getEncoder().encodeToString(input.bytes()));
    LocalLambdaContext context =
        new LocalLambdaContext("classify-api", 1024, Duration.ofMinutes(1));

    APIGatewayV2HTTPResponse response = api.handleRequest(event, context);

    if (input.classifies()) {
      assertThat(response.getStatusCode()).isEqualTo(200);
      ClassificationResult result =
          MAPPER.readValue(response.getBody(), ClassificationResult.class);
      assertThat(result.status()).isIn(Status.CLASSIFIED, Status.BELOW_THRESHOLD);
      assertThat(result.image())
          .isEqualTo(
              new ClassificationResult.ImageInfo(
                  input.format(), input.width(), input.height(), input.orientation()));
      assertThat(result.source().size()).isEqualTo(input.bytes().length);
    } else {
      ErrorResponse error = MAPPER.readValue(response.getBody(), ErrorResponse.class);
      assertThat(error.code()).isEqualTo(input.errorCode());
      assertThat(response.getStatusCode())
          .isEqualTo(ApiErrors.status(ErrorCode.valueOf(input.errorCode())));
      assertThat(error.requestId()).isEqualTo(context.getAwsRequestId());
    }
  }
}
