package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import org.imageclassifier.emulators.S3Notifications;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectEventTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "this+im+%2B+age.jpg | this im + age.jpg",
        "uploads/red+flower.jpg | uploads/red flower.jpg",
        "uploads/caf%C3%A9+%28menu%29.png | uploads/café (menu).png",
        "uploads/100%25.png | uploads/100%.png",
        "uploads/a%2Fb.png | uploads/a/b.png"
      })
  void decodeKeyReversesS3Encoding(String encoded, String decoded) {
    assertThat(ObjectEvent.decodeKey(encoded)).isEqualTo(decoded);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"uploads/this im + age.jpg", "uploads/café (menu).png", "uploads/100%.png"})
  void encodeThenDecodeKeepsKey(String key) {
    assertThat(ObjectEvent.decodeKey(S3Notifications.encodeKey(key))).isEqualTo(key);
  }

  @Test
  void orderPadsSequencerOnTheRight() {
    ObjectEvent shortSequencer = event("0055AED6DCD90281E5");
    ObjectEvent longerLater = event("0055AED6DCD90281E6000");

    assertThat(shortSequencer.order()).hasSize(ObjectEvent.ORDER_WIDTH);
    assertThat(shortSequencer.order()).startsWith("0055AED6DCD90281E5000");
    assertThat(shortSequencer.order()).isLessThan(longerLater.order());
  }

  @Test
  void orderIsEmptyWithoutSequencer() {
    assertThat(event(null).order()).isEmpty();
  }

  @Test
  void orderIgnoresCase() {
    assertThat(event("00ab").order()).isEqualTo(event("00AB").order());
  }

  @ParameterizedTest
  @Event(value = "events/s3-put.json", type = S3Event.class)
  void sampleEventParses(S3Event event) {
    ObjectEvent parsed = ObjectEvent.from(event.getRecords().getFirst());

    assertThat(parsed.isObjectCreated()).isTrue();
    assertThat(parsed.key()).isEqualTo("uploads/Ankle boot.png");
    assertThat(parsed.size()).isEqualTo(401L);
    assertThat(parsed.eTag()).isNotBlank();
    assertThat(parsed.versionId()).isNotBlank();
    assertThat(parsed.sequencer()).isNotBlank();
  }

  private static ObjectEvent event(String sequencer) {
    return new ObjectEvent(
        "ObjectCreated:Put", "bucket", "uploads/a.png", 1L, "etag", null, sequencer);
  }
}
