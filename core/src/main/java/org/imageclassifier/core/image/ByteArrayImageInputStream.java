package org.imageclassifier.core.image;

import java.io.IOException;
import javax.imageio.IIOException;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An image input stream over a byte array that reads the array in place and stops readers that keep
 * reading past its end.
 *
 * <p>Unlike {@code MemoryCacheImageInputStream}, it does not copy the bytes. Like it, it reports
 * the length as unknown (-1). With a known length the JDK's TIFF reader already rejects a header
 * whose strips lie beyond the data as damaged, so the TIFF header bomb of the test corpus would
 * fail as CORRUPT_IMAGE instead of IMAGE_TOO_LARGE. Past the end, reads return -1 as usual, which
 * ImageIO turns into {@code EOFException}, but only {@value #MAX_READS_PAST_END} times. After that
 * they throw an {@link IIOException}. Some decoders take the end of the data as zeros and go on:
 * the VP8L (lossless WebP) bit reader of TwelveMonkeys 3.14 catches every {@code EOFException}, so
 * a truncated alpha plane of 1.2 KB took 12 s of exceptions to decode. A valid image reads past its
 * end only while a reader prefetches a few bytes.
 */
final class ByteArrayImageInputStream extends ImageInputStreamImpl {

  /** Reads past the end that are answered with -1 before reads fail. */
  static final int MAX_READS_PAST_END = 4096;

  private final byte[] bytes;
  private int readsPastEnd;

  ByteArrayImageInputStream(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public int read() throws IOException {
    checkClosed();
    bitOffset = 0;
    if (streamPos >= bytes.length) {
      return pastEnd();
    }
    return bytes[(int) streamPos++] & 0xFF;
  }

  @Override
  public int read(byte[] destination, int offset, int length) throws IOException {
    checkClosed();
    bitOffset = 0;
    if (length == 0) {
      return 0;
    }
    if (streamPos >= bytes.length) {
      return pastEnd();
    }
    int count = (int) Math.min(length, bytes.length - streamPos);
    System.arraycopy(bytes, (int) streamPos, destination, offset, count);
    streamPos += count;
    return count;
  }

  private int pastEnd() throws IIOException {
    readsPastEnd++;
    if (readsPastEnd > MAX_READS_PAST_END) {
      throw new IIOException(
          "The decoder read past the end of the %d bytes more than %d times; the data is truncated"
              .formatted(bytes.length, MAX_READS_PAST_END));
    }
    return -1;
  }
}
