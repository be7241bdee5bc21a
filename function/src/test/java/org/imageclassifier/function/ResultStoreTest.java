package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageclassifier.function.JsonDocuments.assertSameDocument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import org.imageclassifier.function.ClassificationResult.ErrorInfo;
import org.imageclassifier.function.ClassificationResult.ModelInfo;
import org.imageclassifier.function.ClassificationResult.Source;
import org.imageclassifier.function.ClassificationResult.Status;
import org.imageclassifier.function.ClassificationResult.Timings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(LocalServers.class)
class ResultStoreTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static AwsEndpoints aws;
  private static ResultStore store;

  @BeforeAll
  static void createStore(AwsEndpoints endpoints) {
    aws = endpoints;
    store = new ResultStore(aws.s3(), aws.dynamoDb(), aws.config(), MAPPER);
  }

  @Test
  void storeWritesSameDocumentTwice() throws IOException {
    ObjectEvent event = event("uploads/first store.png", "00A1");

    boolean stored = store.store(event, result(event, "request-1"));

    assertThat(stored).isTrue();
    ObjectNode item = item(event.key());
    assertThat(item.remove(ResultsTable.KEY_ATTRIBUTE).asText()).isEqualTo(event.key());
    assertThat(item.remove(ResultsTable.ORDER_ATTRIBUTE).asText()).isEqualTo(event.order());
    assertSameDocument(item, resultObject(event));
  }

  @Test
  void sameEventIsStoredOnce() throws IOException {
    ObjectEvent event = event("uploads/redelivered.png", "00B1");

    boolean first = store.store(event, result(event, "request-1"));
    boolean second = store.store(event, result(event, "request-2"));

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(item(event.key()).get("requestId").asText()).isEqualTo("request-1");
    assertThat(resultObject(event).get("requestId").asText()).isEqualTo("request-1");
  }

  @Test
  void newerEventReplacesResult() throws IOException {
    ObjectEvent older = event("uploads/replaced.png", "00C1");
    ObjectEvent newer = event("uploads/replaced.png", "00C2");

    store.store(older, result(older, "request-old"));
    boolean stored = store.store(newer, result(newer, "request-new"));

    assertThat(stored).isTrue();
    assertThat(item(newer.key()).get("requestId").asText()).isEqualTo("request-new");
  }

  @Test
  void olderEventDoesNotReplaceResult() throws IOException {
    ObjectEvent older = event("uploads/late delivery.png", "00D1");
    ObjectEvent newer = event("uploads/late delivery.png", "00D2");

    store.store(newer, result(newer, "request-new"));
    boolean stored = store.store(older, result(older, "request-old"));

    assertThat(stored).isFalse();
    assertThat(item(newer.key()).get("requestId").asText()).isEqualTo("request-new");
    assertThat(resultObject(newer).get("requestId").asText()).isEqualTo("request-new");
  }

  @Test
  void findCurrentComparesSequencers() {
    ObjectEvent stored = event("uploads/current.png", "00E2");
    store.store(stored, result(stored, "request-1"));

    assertThat(store.findCurrent(stored)).isPresent();
    assertThat(store.findCurrent(event("uploads/current.png", "00E1"))).isPresent();
    assertThat(store.findCurrent(event("uploads/current.png", "00E3"))).isEmpty();
    assertThat(store.findCurrent(event("uploads/never stored.png", "00E1"))).isEmpty();
  }

  @Test
  void findCurrentReturnsStoredResult() {
    ObjectEvent event = event("uploads/read back.png", "00F1");
    ClassificationResult result = result(event, "request-1");
    store.store(event, result);

    assertThat(store.findCurrent(event)).contains(result);
  }

  @Test
  void eventWithoutSequencerStoredOnce() throws IOException {
    ObjectEvent unsequenced = event("uploads/no sequencer.png", null);
    ObjectEvent sequenced = event("uploads/no sequencer.png", "0001");

    boolean first = store.store(unsequenced, result(unsequenced, "request-1"));
    boolean again = store.store(unsequenced, result(unsequenced, "request-2"));
    boolean later = store.store(sequenced, result(sequenced, "request-3"));

    assertThat(first).isTrue();
    assertThat(again).isFalse();
    assertThat(later).isTrue();
    assertThat(item(sequenced.key()).get("requestId").asText()).isEqualTo("request-3");
  }

  private static ObjectEvent event(String key, String sequencer) {
    return new ObjectEvent(
        "ObjectCreated:Put",
        aws.bucket(),
        key,
        4L,
        "0cc175b9c0f1b6a831c399e269772661",
        null,
        sequencer);
  }

  private static ClassificationResult result(ObjectEvent event, String requestId) {
    return new ClassificationResult(
        requestId,
        Status.FAILED,
        null,
        null,
        null,
        new Source(event.bucket(), event.key(), null, event.eTag(), 4L, event.sequencer()),
        null,
        new ModelInfo("fashion-mnist-cnn", "1", "ab".repeat(32)),
        new ErrorInfo("NOT_AN_IMAGE", "The bytes are not an image"),
        new Timings(1.5, null, null, null, 2.25),
        "2026-12-04T16:20:31.512Z");
  }

  private static ObjectNode item(String key) {
    Map<String, AttributeValue> item =
        aws.dynamoDb()
            .getItem(
                b ->
                    b.tableName(aws.config().tableName())
                        .key(Map.of(ResultsTable.KEY_ATTRIBUTE, AttributeValue.fromS(key)))
                        .consistentRead(true))
            .item();
    return DynamoDbJson.fromItem(item);
  }

  private static JsonNode resultObject(ObjectEvent event) throws IOException {
    byte[] bytes =
        aws.s3()
            .getObjectAsBytes(
                b -> b.bucket(event.bucket()).key(aws.config().resultKey(event.key())))
            .asByteArray();
    return MAPPER.readTree(bytes);
  }
}
