package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {

  @TempDir Path temp;

  @Test
  void loadsSubsetWithLimit() throws IOException {
    LabeledImages test = FashionMnist.load(TestData.subsetDirectory(), FashionMnist.Split.TEST, 50);

    assertThat(test.count()).isEqualTo(50);
    assertThat(test.images().count()).isEqualTo(50);
    assertThat(test.labels()[0]).isEqualTo(9);
  }

  @Test
  void checksumsCoverFourFiles() throws IOException {
    Map<String, String> checksums = FashionMnist.checksums(TestData.subsetDirectory());

    assertThat(checksums)
        .containsOnlyKeys(
            "train-images-idx3-ubyte.gz",
            "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz",
            "t10k-labels-idx1-ubyte.gz");
    assertThat(checksums.values()).allMatch(sha -> sha.matches("[0-9a-f]{64}"));
  }

  @Test
  void missingFolderNamesFix() {
    Path absent = temp.resolve("absent");

    assertThatThrownBy(() -> FashionMnist.load(absent, FashionMnist.Split.TRAIN, 0))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageContaining(absent.toString())
        .hasMessageEndingWith(
            "Install the Debian package dataset-fashion-mnist or pass --data-dir with the four gzip IDX files.");
  }

  @Test
  void countMismatchRejected() throws IOException {
    FashionMnist.Split split = FashionMnist.Split.TEST;
    Files.copy(
        TestData.subsetDirectory().resolve(split.imagesFile()), temp.resolve(split.imagesFile()));
    IdxReaderTest.writeGzip(
        temp.resolve(split.labelsFile()),
        IdxReaderTest.header(IdxReader.LABELS_MAGIC, 3),
        new byte[] {1, 2, 3});

    assertThatThrownBy(() -> FashionMnist.load(temp, split, 0))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageContaining("has 500 images")
        .hasMessageContaining("has 3 labels");
  }

  @Test
  void labelOutsideClassesRejected() throws IOException {
    FashionMnist.Split split = FashionMnist.Split.TEST;
    Files.copy(
        TestData.subsetDirectory().resolve(split.imagesFile()), temp.resolve(split.imagesFile()));
    IdxReaderTest.writeGzip(
        temp.resolve(split.labelsFile()),
        IdxReaderTest.header(IdxReader.LABELS_MAGIC, 2),
        new byte[] {1, 10});

    assertThatThrownBy(() -> FashionMnist.load(temp, split, 2))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageContaining("label 10 of image 1 is outside [0, 9]");
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
