package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imageclassifier.core.image.PixelPlanes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDatasetTest {

  private static final String IMAGES = "train-images-idx3-ubyte.gz";
  private static final String LABELS = "train-labels-idx1-ubyte.gz";

  @TempDir Path temp;

  @Test
  void readsChannelWithLimit() throws IOException {
    IdxDataset dataset = IdxDataset.read(TestData.fashionTrain(), FashionMnist.LABELS, 50);

    assertThat(dataset.count()).isEqualTo(50);
    assertThat(dataset.labels()).hasSize(50);
    assertThat(dataset.classes()).isEqualTo(FashionMnist.LABELS);
    assertThat(dataset.format()).isEqualTo("idx");
    PixelPlanes first = dataset.pixels(0);
    assertThat(first.channels()).isEqualTo(1);
    assertThat(first.width()).isEqualTo(28);
    assertThat(first.height()).isEqualTo(28);
  }

  @Test
  void officialTestFilesHaveKnownChecksums() throws IOException {
    IdxDataset dataset = IdxDataset.read(TestData.fashionTest(), FashionMnist.LABELS, 1);

    assertThat(dataset.checksums())
        .containsEntry(
            "t10k-images-idx3-ubyte.gz",
            "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa")
        .containsEntry(
            "t10k-labels-idx1-ubyte.gz",
            "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05");
  }

  @Test
  void folderWithoutPairRejected() throws IOException {
    Files.copy(TestData.fashionTrain().resolve(IMAGES), temp.resolve(IMAGES));

    assertThatThrownBy(() -> IdxDataset.read(temp, FashionMnist.LABELS, 0))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageContaining("Expected exactly one *-labels-idx1-ubyte.gz file in " + temp)
        .hasMessageEndingWith("Put one IDX image file and its label file in each channel.");
  }

  @Test
  void countMismatchRejected() throws IOException {
    Files.copy(TestData.fashionTrain().resolve(IMAGES), temp.resolve(IMAGES));
    IdxReaderTest.writeGzip(
        temp.resolve(LABELS),
        IdxReaderTest.header(IdxReader.LABELS_MAGIC, 3),
        new byte[] {1, 2, 3});

    assertThatThrownBy(() -> IdxDataset.read(temp, FashionMnist.LABELS, 0))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageContaining("has 2000 images")
        .hasMessageContaining("has 3 labels");
  }

  @Test
  void labelOutsideClassesRejected() throws IOException {
    Files.copy(TestData.fashionTrain().resolve(IMAGES), temp.resolve(IMAGES));
    IdxReaderTest.writeGzip(
        temp.resolve(LABELS), IdxReaderTest.header(IdxReader.LABELS_MAGIC, 2), new byte[] {1, 10});

    assertThatThrownBy(() -> IdxDataset.read(temp, FashionMnist.LABELS, 2))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageContaining("label 10 of image 1 is outside [0, 9]")
        .hasMessageEndingWith("Set the class_names hyperparameter to one name per label.");
  }

  @Test
  void labelsFollowOfficialOrder() {
    assertThat(FashionMnist.LABELS)
        .containsExactly(
            "T-shirt/top",
            "Trouser",
            "Pullover",
            "Dress",
            "Coat",
            "Sandal",
            "Shirt",
            "Sneaker",
            "Bag",
            "Ankle boot");
  }
}
