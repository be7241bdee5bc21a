package org.imageclassifier.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.imageclassifier.core.image.ImageDecodeException;
import org.imageclassifier.core.image.ImageDecoder;
import org.imageclassifier.core.image.PixelPlanes;

/**
 * A channel of image files in one subfolder per class: the sorted subfolder names are the class
 * names, and every JPEG or PNG file directly inside a subfolder is one image of that class. Core's
 * {@link ImageDecoder}, the decoder the function runs, decodes each file, applies its EXIF
 * orientation and converts it to the model's channels.
 *
 * @param images decoded images, in class order and then file-name order
 * @param labels one class index per image
 * @param classes class names, sorted
 * @param checksums SHA-256 over every file's relative path and content, under the key {@code
 *     images}
 */
public record FolderDataset(
    List<PixelPlanes> images, int[] labels, List<String> classes, Map<String, String> checksums)
    implements LabeledDataset {

  private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png");

  /**
   * Reads and decodes a channel.
   *
   * @param channels channels to decode to, 1 or 3
   * @param size the model input's height and width, which lets the decoder subsample large files
   * @throws DatasetException when there are fewer than 2 class folders, a class has no image or a
   *     file cannot be decoded
   */
  public static FolderDataset read(Path directory, int channels, int size) throws IOException {
    List<Path> classFolders = classFolders(directory);
    ImageDecoder decoder = new ImageDecoder();
    MessageDigest digest = Checksums.newSha256();
    List<PixelPlanes> images = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int label = 0; label < classFolders.size(); label++) {
      for (Path file : imageFiles(classFolders.get(label))) {
        byte[] bytes = Files.readAllBytes(file);
        images.add(decode(decoder, file, bytes, channels, size));
        labels.add(label);
        digest.update(entry(directory, file, bytes));
      }
    }
    List<String> names = classFolders.stream().map(f -> f.getFileName().toString()).toList();
    String checksum = HexFormat.of().formatHex(digest.digest());
    int[] labelArray = labels.stream().mapToInt(Integer::intValue).toArray();
    return new FolderDataset(List.copyOf(images), labelArray, names, Map.of("images", checksum));
  }

  @Override
  public int count() {
    return labels.length;
  }

  @Override
  public PixelPlanes pixels(int index) {
    return images.get(index);
  }

  @Override
  public String format() {
    return "image-folder";
  }

  private static List<Path> classFolders(Path directory) throws IOException {
    List<Path> folders;
    try (Stream<Path> entries = Files.list(directory)) {
      folders = entries.filter(Files::isDirectory).sorted().toList();
    }
    if (folders.size() < 2) {
      throw new DatasetException(
          "Image folder %s has %d class subfolders, at least 2 are needed. Put the images of each class in a subfolder named after the class."
              .formatted(directory, folders.size()));
    }
    return folders;
  }

  private static List<Path> imageFiles(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> entries = Files.list(folder)) {
      files = entries.filter(Files::isRegularFile).filter(FolderDataset::isImage).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new DatasetException(
          "Class folder %s has no .jpg, .jpeg or .png file. Add images or remove the folder."
              .formatted(folder));
    }
    return files;
  }

  private static boolean isImage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  private static PixelPlanes decode(
      ImageDecoder decoder, Path file, byte[] bytes, int channels, int size)
      throws DatasetException {
    try {
      return decoder.decode(bytes, channels, size, size).pixels();
    } catch (ImageDecodeException e) {
      throw new DatasetException(
          "Cannot decode %s: %s. Remove the file or replace it with a valid JPEG or PNG."
              .formatted(file, e.getMessage()),
          e);
    }
  }

  private static byte[] entry(Path root, Path file, byte[] bytes) {
    String line =
        root.relativize(file).toString()
            + "\t"
            + HexFormat.of().formatHex(Checksums.newSha256().digest(bytes))
            + "\n";
    return line.getBytes(StandardCharsets.UTF_8);
  }
}
