package org.imageclassifier.training.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads the regular files of a gzip-compressed tar archive, such as the {@code model.tar.gz} a
 * SageMaker training job writes, into memory. Reads ustar and GNU headers with octal sizes; skips
 * folders and the extended-header records that some tar writers add. A leading {@code ./} is
 * dropped from names.
 */
public final class TarArchive {

  private static final int BLOCK = 512;

  private TarArchive() {}

  /**
   * Reads every regular file.
   *
   * @param gzip the archive, gzip-compressed
   * @param maxBytes the largest total size of the files accepted
   * @return file content by relative path, in archive order
   * @throws ArchiveException when the archive is truncated, has a name that is absolute or leaves
   *     the folder, or contains more than {@code maxBytes}
   */
  public static Map<String, byte[]> read(InputStream gzip, long maxBytes) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    long total = 0;
    try (InputStream in = new GZIPInputStream(gzip, 1 << 16)) {
      byte[] header = new byte[BLOCK];
      while (readBlock(in, header) && !isZero(header)) {
        String name = name(header);
        long size = octal(header, 124, 12);
        char type = (char) header[156];
        total += size;
        if (total > maxBytes) {
          throw new ArchiveException(
              "The archive contains more than %d bytes. Publish a model folder under that size."
                  .formatted(maxBytes));
        }
        byte[] content = readContent(in, size, name);
        if (type == '0' || type == '\0') {
          files.put(checkedName(name), content);
        }
      }
    }
    return files;
  }

  private static boolean readBlock(InputStream in, byte[] block) throws IOException {
    int read = in.readNBytes(block, 0, BLOCK);
    if (read == 0) {
      return false;
    }
    if (read < BLOCK) {
      throw new ArchiveException("Truncated tar archive: a header block has " + read + " bytes.");
    }
    return true;
  }

  private static byte[] readContent(InputStream in, long size, String name) throws IOException {
    byte[] content = in.readNBytes(Math.toIntExact(size));
    if (content.length != size) {
      throw new ArchiveException(
          "Truncated tar archive: %s declares %d bytes but %d follow."
              .formatted(name, size, content.length));
    }
    long padding = (BLOCK - size % BLOCK) % BLOCK;
    try {
      in.skipNBytes(padding);
    } catch (java.io.EOFException e) {
      throw new ArchiveException("Truncated tar archive after " + name, e);
    }
    return content;
  }

  private static String name(byte[] header) {
    String name = text(header, 0, 100);
    String prefix = text(header, 345, 155);
    return prefix.isEmpty() || header[257] != 'u' ? name : prefix + "/" + name;
  }

  private static String checkedName(String raw) throws ArchiveException {
    String name = raw.startsWith("./") ? raw.substring(2) : raw;
    if (name.isEmpty() || name.startsWith("/") || ("/" + name + "/").contains("/../")) {
      throw new ArchiveException(
          "Invalid file name '%s' in the archive: names must be relative and stay inside the folder."
              .formatted(raw));
    }
    return name;
  }

  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] header, int offset, int length) throws ArchiveException {
    String digits = text(header, offset, length).trim();
    try {
      return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    } catch (NumberFormatException e) {
      throw new ArchiveException("Invalid tar header: size field '" + digits + "' is not octal.");
    }
  }

  private static boolean isZero(byte[] block) {
    for (byte value : block) {
      if (value != 0) {
        return false;
      }
    }
    return true;
  }
}
