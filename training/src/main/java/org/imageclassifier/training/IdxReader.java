package org.imageclassifier.training;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads gzip-compressed IDX files, the format of MNIST and Fashion-MNIST. An IDX file starts with a
 * big-endian magic number ({@code 0x00000803} for unsigned-byte images of rank 3, {@code
 * 0x00000801} for unsigned-byte labels of rank 1), then one big-endian 32-bit size per dimension,
 * then the data bytes.
 */
public final class IdxReader {

  /** Magic number of an unsigned-byte tensor of rank 3: images x rows x columns. */
  public static final int IMAGES_MAGIC = 0x00000803;

  /** Magic number of an unsigned-byte tensor of rank 1: one label per image. */
  public static final int LABELS_MAGIC = 0x00000801;

  private IdxReader() {}

  /**
   * Reads the first images of an IDX image file.
   *
   * @param file gzip IDX file with magic {@code 0x00000803}
   * @param limit maximum number of images to read; 0, or more than the file contains, reads them
   *     all
   * @return the images, row by row, one unsigned byte per pixel
   * @throws IdxFormatException when the file is missing, not gzip, has another magic number, a
   *     non-positive size or fewer pixels than its header declares
   */
  public static IdxImages readImages(Path file, int limit) throws IOException {
    try (DataInputStream in = open(file)) {
      checkMagic(file, in.readInt(), IMAGES_MAGIC);
      int declared = readSize(file, in, "image count");
      int rows = readSize(file, in, "row count");
      int columns = readSize(file, in, "column count");
      int count = effectiveCount(declared, limit);
      byte[] pixels = readBody(file, in, Math.multiplyExact(count, rows * columns), declared);
      return new IdxImages(count, rows, columns, pixels);
    } catch (EOFException e) {
      throw truncated(file, e);
    }
  }

  /**
   * Reads the first labels of an IDX label file.
   *
   * @param file gzip IDX file with magic {@code 0x00000801}
   * @param limit maximum number of labels to read; 0, or more than the file contains, reads them
   *     all
   * @return one unsigned byte per label, as int
   * @throws IdxFormatException when the file is missing, not gzip, has another magic number, a
   *     non-positive size or fewer labels than its header declares
   */
  public static int[] readLabels(Path file, int limit) throws IOException {
    try (DataInputStream in = open(file)) {
      checkMagic(file, in.readInt(), LABELS_MAGIC);
      int declared = readSize(file, in, "label count");
      byte[] bytes = readBody(file, in, effectiveCount(declared, limit), declared);
      int[] labels = new int[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        labels[i] = bytes[i] & 0xFF;
      }
      return labels;
    } catch (EOFException e) {
      throw truncated(file, e);
    }
  }

  private static DataInputStream open(Path file) throws IOException {
    try {
      return new DataInputStream(
          new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 16)));
    } catch (NoSuchFileException e) {
      throw new IdxFormatException("IDX file not found: " + file, e);
    } catch (ZipException e) {
      throw new IdxFormatException("Not a gzip file: " + file + " (" + e.getMessage() + ")", e);
    }
  }

  private static void checkMagic(Path file, int actual, int expected) throws IdxFormatException {
    if (actual != expected) {
      throw new IdxFormatException(
          "Invalid IDX file %s: magic number 0x%08x, expected 0x%08x (%s)"
              .formatted(file, actual, expected, expected == IMAGES_MAGIC ? "images" : "labels"));
    }
  }

  private static int readSize(Path file, DataInputStream in, String field) throws IOException {
    int size = in.readInt();
    if (size <= 0) {
      throw new IdxFormatException(
          "Invalid IDX file %s: %s must be positive, was %d".formatted(file, field, size));
    }
    return size;
  }

  private static int effectiveCount(int declared, int limit) {
    return limit > 0 ? Math.min(declared, limit) : declared;
  }

  private static byte[] readBody(Path file, DataInputStream in, int length, int declared)
      throws IOException {
    byte[] body = new byte[length];
    int read = in.readNBytes(body, 0, length);
    if (read != length) {
      throw new IdxFormatException(
          "Truncated IDX file %s: the header declares %d items but the data ends after %d of the %d bytes needed"
              .formatted(file, declared, read, length));
    }
    return body;
  }

  private static IdxFormatException truncated(Path file, EOFException cause) {
    return new IdxFormatException(
        "Truncated IDX file " + file + ": the header is incomplete", cause);
  }
}
