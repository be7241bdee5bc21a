package org.imageclassifier.training.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Writes small ustar archives, gzip-compressed, for the tests. */
final class TarWriter {

  private TarWriter() {}

  /** Returns a tar.gz with one regular file per entry and optional folder entries. */
  static byte[] tarGz(Map<String, byte[]> files, String... folders) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      for (String folder : folders) {
        gzip.write(header(folder, 0, '5'));
      }
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        gzip.write(header(file.getKey(), file.getValue().length, '0'));
        gzip.write(file.getValue());
        gzip.write(new byte[(512 - file.getValue().length % 512) % 512]);
      }
      gzip.write(new byte[1024]);
    }
    return bytes.toByteArray();
  }

  private static byte[] header(String name, long size, char type) {
    byte[] header = new byte[512];
    put(header, 0, name);
    put(header, 100, "0000644");
    put(header, 108, "0000000");
    put(header, 116, "0000000");
    put(header, 124, "%011o".formatted(size));
    put(header, 136, "00000000000");
    header[156] = (byte) type;
    put(header, 257, "ustar");
    put(header, 263, "00");
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    long checksum = 0;
    for (byte value : header) {
      checksum += value & 0xFF;
    }
    put(header, 148, "%06o".formatted(checksum));
    header[154] = 0;
    return header;
  }

  private static void put(byte[] header, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }
}
