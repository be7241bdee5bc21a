package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.imageclassifier.core.corpus.CorpusCase;
import org.imageclassifier.function.ClassificationResult.Status;
import org.imageclassifier.function.RecordOutcome.Disposition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus input on the S3 path: uploaded to S3Proxy, classified by the handler from the S3
 * event, and checked in the stored result object and DynamoDB item against {@code cases.csv}.
 */
@ExtendWith(LocalServers.class)
class CorpusS3Test {

  private static Bucket bucket;
  private static ClassifyHandler handler;

  @BeforeAll
  static void createHandler(AwsEndpoints aws) {
    bucket = Bucket.create(aws, "corpus-uploads");
    handler = new ClassifyHandler(bucket.config());
  }

  @AfterAll
  static void closeHandler() {
    handler.close();
  }

  static List<CorpusCase> cases() {
    return CorpusCase.all();
  }

  @Test
  void corpusHasAtLeastFortyCases() {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(40);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void storedResultMatchesCase(CorpusCase input) {
    String key = "uploads/corpus/" + input.file();

    List<RecordOutcome> outcomes =
        handler.handleRequest(bucket.putAndNotify(key, input.bytes()), Bucket.context()).records();

    assertThat(outcomes).hasSize(1);
    assertThat(outcomes.getFirst().disposition()).isEqualTo(Disposition.STORED);
    JsonNode stored = bucket.resultObject(key).orElseThrow();
    List<ClassificationResult> copies = bucket.storedCopies(key);
    assertThat(copies.getFirst()).isEqualTo(copies.get(1));
    assertThat(stored.get("source").get("key").asText()).isEqualTo(key);
    assertThat(stored.get("source").get("size").asLong()).isEqualTo(input.bytes().length);
    if (input.classifies()) {
      assertClassified(stored, input);
    } else {
      assertRejected(stored, input);
    }
  }

  private static void assertClassified(JsonNode stored, CorpusCase input) {
    assertThat(stored.get("status").asText())
        .isIn(Status.CLASSIFIED.name(), Status.BELOW_THRESHOLD.name());
    assertThat(stored.has("error")).isFalse();
    assertThat(stored.get("label").asText()).isNotBlank();
    assertThat(stored.get("topK")).hasSize(5);
    JsonNode image = stored.get("image");
    assertThat(image.get("format").asText()).isEqualTo(input.format());
    assertThat(image.get("width").asInt()).isEqualTo(input.width());
    assertThat(image.get("height").asInt()).isEqualTo(input.height());
    assertThat(image.get("orientation").asInt()).isEqualTo(input.orientation());
  }

  private static void assertRejected(JsonNode stored, CorpusCase input) {
    assertThat(stored.get("status").asText()).isEqualTo(Status.FAILED.name());
    assertThat(stored.get("error").get("code").asText()).isEqualTo(input.errorCode());
    assertThat(stored.get("error").get("message").asText()).isNotBlank();
    assertThat(stored.has("label")).isFalse();
    assertThat(stored.has("image")).isFalse();
  }
}
