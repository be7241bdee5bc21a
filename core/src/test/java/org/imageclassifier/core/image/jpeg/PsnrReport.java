package org.imageclassifier.core.image.jpeg;

import java.nio.file.Files;
import java.nio.file.Path;
import org.imageclassifier.core.image.PixelPlanes;

/**
 * Prints the PSNR of each scale against ImageIO's full decode averaged over blocks, for JPEG files
 * named on the command line: {@code PsnrReport FILE...}. Not a test; it produces the figures for
 * photos too large to keep in the repository.
 */
public final class PsnrReport {

  private PsnrReport() {}

  /** Prints one line per file, channel count and scale. */
  public static void main(String[] args) throws Exception {
    ScaledJpegDecoder decoder = new ScaledJpegDecoder(Long.MAX_VALUE);
    for (String name : args) {
      byte[] jpeg = Files.readAllBytes(Path.of(name));
      for (int channels : new int[] {3, 1}) {
        PixelPlanes full = ReferenceDecoder.decodeFull(jpeg, channels);
        StringBuilder line =
            new StringBuilder(Path.of(name).getFileName() + " channels=" + channels);
        for (int scale : new int[] {8, 4, 2, 1}) {
          PixelPlanes expected = ReferenceDecoder.blockAverage(full, scale);
          PixelPlanes actual = decoder.decode(jpeg, scale, channels);
          line.append(" 1/%d=%.2f dB".formatted(scale, ReferenceDecoder.psnr(expected, actual)));
        }
        System.out.println(line);
      }
    }
  }
}
