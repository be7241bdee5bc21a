package org.imageclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imageclassifier.core.image.PixelPlanes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderDatasetTest {

  @TempDir Path temp;

  @Test
  void classesComeFromSortedFolders() throws IOException {
    FolderDataset dataset = FolderDataset.read(TestData.photos().resolve("train"), 3, 32);

    assertThat(dataset.classes()).containsExactly("cat", "coffee", "rocket");
    assertThat(dataset.count()).isEqualTo(48);
    assertThat(dataset.labels()).startsWith(0, 0).endsWith(2, 2);
    assertThat(dataset.format()).isEqualTo("image-folder");
  }

  @Test
  void pngAndJpegDecodeToRequestedChannels() throws IOException {
    FolderDataset dataset = FolderDataset.read(TestData.photos().resolve("train"), 1, 32);

    PixelPlanes png = dataset.pixels(0);
    PixelPlanes jpeg = dataset.pixels(1);

    assertThat(png.channels()).isEqualTo(1);
    assertThat(jpeg.channels()).isEqualTo(1);
    assertThat(png.width()).isEqualTo(32);
    assertThat(jpeg.height()).isEqualTo(32);
  }

  @Test
  void checksumChangesWithContent() throws IOException {
    Path copy = temp.resolve("copy");
    TestData.copyTree(TestData.photos().resolve("test"), copy);
    String before = FolderDataset.read(copy, 3, 32).checksums().get("images");

    Files.copy(
        TestData.photos().resolve("test/cat/00.png"),
        copy.resolve("coffee/00.png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String after = FolderDataset.read(copy, 3, 32).checksums().get("images");

    assertThat(before).hasSize(64);
    assertThat(after).isNotEqualTo(before);
  }

  @Test
  void singleClassRejected() throws IOException {
    TestData.copyTree(TestData.photos().resolve("test/cat"), temp.resolve("cat"));

    assertThatThrownBy(() -> FolderDataset.read(temp, 3, 32))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("has 1 class subfolders, at least 2 are needed")
        .hasMessageEndingWith("Put the images of each class in a subfolder named after the class.");
  }

  @Test
  void emptyClassRejected() throws IOException {
    TestData.copyTree(TestData.photos().resolve("test/cat"), temp.resolve("cat"));
    Files.createDirectories(temp.resolve("dog"));
    Files.writeString(temp.resolve("dog/notes.txt"), "no images here");

    assertThatThrownBy(() -> FolderDataset.read(temp, 3, 32))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(temp.resolve("dog") + " has no .jpg, .jpeg or .png file");
  }

  @Test
  void corruptImageNamesFile() throws IOException {
    TestData.copyTree(TestData.photos().resolve("test/cat"), temp.resolve("cat"));
    Files.createDirectories(temp.resolve("dog"));
    Files.write(temp.resolve("dog/broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});

    assertThatThrownBy(() -> FolderDataset.read(temp, 3, 32))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("Cannot decode " + temp.resolve("dog/broken.jpg"))
        .hasMessageEndingWith("Remove the file or replace it with a valid JPEG or PNG.");
  }
}
