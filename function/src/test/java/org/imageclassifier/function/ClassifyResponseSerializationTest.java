package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.imageclassifier.function.ClassificationResult.ErrorInfo;
import org.imageclassifier.function.ClassificationResult.ModelInfo;
import org.imageclassifier.function.ClassificationResult.Source;
import org.imageclassifier.function.ClassificationResult.Status;
import org.imageclassifier.function.ClassificationResult.Timings;
import org.imageclassifier.function.RecordOutcome.Disposition;
import org.junit.jupiter.api.Test;

/**
 * Serialises the handler's return value with the serializer of the Lambda Java runtime
 * (aws-lambda-java-serialization), which writes the response of every invocation. A value it cannot
 * write would fail invocations whose results are already stored.
 */
class ClassifyResponseSerializationTest {

  @Test
  void runtimeSerializerWritesResponse() throws Exception {
    Source source = new Source("bucket", "uploads/a b.txt", null, "etag", 4L, "01");
    ClassificationResult result =
        new ClassificationResult(
            "request-1",
            Status.FAILED,
            null,
            null,
            null,
            source,
            null,
            new ModelInfo("fashion-mnist-cnn", "1", "ab"),
            new ErrorInfo("NOT_AN_IMAGE", "The bytes are not an image"),
            new Timings(1.0, null, null, null, 2.0),
            "2026-12-04T16:20:31.512Z");
    ClassifyResponse response =
        new ClassifyResponse(
            List.of(
                new RecordOutcome(
                    "bucket", "uploads/a b.txt", Disposition.STORED, result, "s3://bucket/r")));
    PojoSerializer<ClassifyResponse> serializer =
        JacksonFactory.getInstance().getSerializer(ClassifyResponse.class);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    serializer.toJson(response, out);

    JsonNode json = new ObjectMapper().readTree(out.toByteArray());
    JsonNode record = json.get("records").get(0);
    assertThat(record.get("disposition").asText()).isEqualTo("STORED");
    assertThat(record.get("result").get("status").asText()).isEqualTo("FAILED");
    assertThat(record.get("result").get("error").get("code").asText()).isEqualTo("NOT_AN_IMAGE");
    assertThat(record.get("result").get("source").get("key").asText()).isEqualTo("uploads/a b.txt");
  }
}
