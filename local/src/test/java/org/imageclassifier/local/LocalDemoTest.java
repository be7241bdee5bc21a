package org.imageclassifier.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.imageclassifier.function.ClassificationResult;
import org.imageclassifier.function.ClassificationResult.Status;
import org.imageclassifier.function.RecordOutcome;
import org.imageclassifier.function.RecordOutcome.Disposition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the demo on the repository's samples folder, with the real local servers. */
class LocalDemoTest {

  private static final Path SAMPLES = Path.of("..", "samples", "uploads");

  private static Map<String, RecordOutcome> outcomes;
  private static String output;

  @BeforeAll
  static void runDemo() throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      List<RecordOutcome> list = new LocalDemo(out).run(SAMPLES);
      outcomes = list.stream().collect(Collectors.toMap(RecordOutcome::key, Function.identity()));
    }
    output = buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everySampleIsStored() {
    assertThat(outcomes).hasSize(12);
    assertThat(outcomes.values())
        .allSatisfy(outcome -> assertThat(outcome.disposition()).isEqualTo(Disposition.STORED));
  }

  @Test
  void fashionMnistSamplesMostlyRight() {
    long correct =
        outcomes.entrySet().stream()
            .filter(entry -> entry.getKey().endsWith(".png"))
            .filter(entry -> trueLabel(entry.getKey()).equals(entry.getValue().result().label()))
            .count();

    assertThat(correct).as("correct labels out of 10").isGreaterThanOrEqualTo(9);
  }

  @Test
  void photoIsDecodedAsJpeg() {
    ClassificationResult photo = outcomes.get("uploads/rocket launch.jpg").result();

    assertThat(photo.status()).isIn(Status.CLASSIFIED, Status.BELOW_THRESHOLD);
    assertThat(photo.image().format()).isEqualTo("JPEG");
    assertThat(photo.image().width()).isEqualTo(640);
    assertThat(photo.image().height()).isEqualTo(427);
  }

  @Test
  void textFileIsRecordedAsFailed() {
    ClassificationResult text = outcomes.get("uploads/not an image.txt").result();

    assertThat(text.status()).isEqualTo(Status.FAILED);
    assertThat(text.error().code()).isEqualTo("NOT_AN_IMAGE");
  }

  @Test
  void outputHasOneLinePerObject() {
    assertThat(output)
        .contains("uploads/Ankle boot.png")
        .contains("s3://image-uploads/results/uploads/Ankle boot.png.json + DynamoDB")
        .contains("uploads/not an image.txt")
        .contains("NOT_AN_IMAGE")
        .contains("12 objects: ")
        .contains("1 FAILED");
  }

  @Test
  void metricDocumentsCountedNotPrinted() {
    // One document per object and one for the cold start.
    assertThat(output).contains("CloudWatch metrics: 13 embedded metric format documents");
    assertThat(output).doesNotContain("\"_aws\"");
  }

  /** Returns the label that a sample's file name stands for: "T-shirt or top" is "T-shirt/top". */
  private static String trueLabel(String key) {
    String name = key.substring("uploads/".length(), key.length() - ".png".length());
    return name.replace(" or ", "/");
  }
}
