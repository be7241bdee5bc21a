package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

  private static final Path SUBSET = TestData.fashionTrain();
  private static final Path TRAIN_IMAGES = SUBSET.resolve("train-images-idx3-ubyte.gz");
  private static final Path TRAIN_LABELS = SUBSET.resolve("train-labels-idx1-ubyte.gz");

  @TempDir Path temp;

  @Test
  void readsAllImagesOfSubset() throws IOException {
    IdxImages images = IdxReader.readImages(TRAIN_IMAGES, 0);

    assertThat(images.count()).isEqualTo(TestData.TRAIN_IMAGES);
    assertThat(images.height()).isEqualTo(28);
    assertThat(images.width()).isEqualTo(28);
    assertThat(images.pixels()).hasSize(TestData.TRAIN_IMAGES * 28 * 28);
  }

  @Test
  void limitReadsLeadingImages() throws IOException {
    IdxImages all = IdxReader.readImages(TRAIN_IMAGES, 0);
    IdxImages first = IdxReader.readImages(TRAIN_IMAGES, 10);

    assertThat(first.count()).isEqualTo(10);
    assertThat(first.pixels()).isEqualTo(Arrays.copyOf(all.pixels(), 10 * 28 * 28));
  }

  @Test
  void limitAboveCountReadsAll() throws IOException {
    assertThat(IdxReader.readImages(TRAIN_IMAGES, 1_000_000).count())
        .isEqualTo(TestData.TRAIN_IMAGES);
  }

  @Test
  void readsLabelsInFileOrder() throws IOException {
    int[] labels = IdxReader.readLabels(TRAIN_LABELS, 0);

    assertThat(labels).hasSize(TestData.TRAIN_IMAGES);
    assertThat(Arrays.copyOf(labels, 8)).containsExactly(9, 0, 0, 3, 0, 2, 7, 2);
    assertThat(Arrays.stream(labels).allMatch(label -> label >= 0 && label <= 9)).isTrue();
  }

  @Test
  void labelFileAsImagesRejected() {
    assertThatThrownBy(() -> IdxReader.readImages(TRAIN_LABELS, 0))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageContaining(TRAIN_LABELS.toString())
        .hasMessageContaining("magic number 0x00000801, expected 0x00000803");
  }

  @Test
  void truncatedImagesRejected() throws IOException {
    Path file = temp.resolve("short-images.gz");
    writeGzip(file, header(IdxReader.IMAGES_MAGIC, 5, 28, 28), new byte[2 * 28 * 28]);

    assertThatThrownBy(() -> IdxReader.readImages(file, 0))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageContaining("Truncated IDX file " + file)
        .hasMessageContaining("declares 5 items");
  }

  @Test
  void incompleteHeaderRejected() throws IOException {
    Path file = temp.resolve("header-only.gz");
    writeGzip(file, header(IdxReader.LABELS_MAGIC), new byte[0]);

    assertThatThrownBy(() -> IdxReader.readLabels(file, 0))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageContaining("header is incomplete");
  }

  @Test
  void zeroCountRejected() throws IOException {
    Path file = temp.resolve("empty-labels.gz");
    writeGzip(file, header(IdxReader.LABELS_MAGIC, 0), new byte[0]);

    assertThatThrownBy(() -> IdxReader.readLabels(file, 0))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageContaining("label count must be positive, was 0");
  }

  @Test
  void plainFileRejected() throws IOException {
    Path file = Files.write(temp.resolve("plain.gz"), header(IdxReader.LABELS_MAGIC, 1));

    assertThatThrownBy(() -> IdxReader.readLabels(file, 0))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageContaining("Not a gzip file: " + file);
  }

  @Test
  void missingFileRejected() {
    Path file = temp.resolve("absent.gz");

    assertThatThrownBy(() -> IdxReader.readImages(file, 0))
        .isInstanceOf(IdxFormatException.class)
        .hasMessage("IDX file not found: " + file);
  }

  @Test
  void officialTestFilesHaveDocumentedCount() throws IOException {
    Path directory = TestData.fashionTest();

    IdxImages images = IdxReader.readImages(directory.resolve("t10k-images-idx3-ubyte.gz"), 0);
    int[] labels = IdxReader.readLabels(directory.resolve("t10k-labels-idx1-ubyte.gz"), 0);

    assertThat(images.count()).isEqualTo(TestData.TEST_IMAGES);
    assertThat(labels).hasSize(TestData.TEST_IMAGES);
  }

  static byte[] header(int... fields) {
    ByteBuffer buffer = ByteBuffer.allocate(fields.length * Integer.BYTES);
    for (int field : fields) {
      buffer.putInt(field);
    }
    return buffer.array();
  }

  static void writeGzip(Path file, byte[] header, byte[] body) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(header);
      out.write(body);
    }
  }
}
