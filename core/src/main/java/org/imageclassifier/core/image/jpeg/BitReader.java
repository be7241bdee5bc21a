package org.imageclassifier.core.image.jpeg;

import static org.imageclassifier.core.image.jpeg.HuffmanTable.LOOKAHEAD_BITS;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.imageclassifier.core.image.ImageDecodeException;

/**
 * Reads the entropy-coded data of a scan, most significant bit first, removing the zero byte
 * stuffed after each 0xFF data byte. At a marker or at the end of the data the reader supplies zero
 * bits, as libjpeg does. It throws once a decode has consumed any of those bits, so truncated data
 * fails within a few bytes instead of decoding the rest of the image from zeros.
 */
final class BitReader {

  /**
   * Bits below which general reads refill: a 16-bit Huffman code plus 16 extra bits. The table
   * lookups refill only below their look-ahead width, which halves the number of refills.
   */
  private static final int REFILL_THRESHOLD = 32;

  private static final VarHandle BIG_ENDIAN_LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final byte[] data;
  private int position;

  /** Unread bits, left-aligned: the next bit is the most significant. */
  private long buffer;

  private int bitCount;

  /** Zero bytes supplied after a marker or the end of the data. */
  private int paddingBytes;

  private boolean markerReached;

  BitReader(byte[] data, int position) {
    this.data = data;
    this.position = position;
  }

  /** Decodes one Huffman-coded symbol. */
  int decodeSymbol(HuffmanTable table) throws ImageDecodeException {
    if (bitCount < REFILL_THRESHOLD) {
      fill();
    }
    int entry = table.symbolEntries[(int) (buffer >>> (64 - LOOKAHEAD_BITS))];
    if (entry != 0) {
      consume(entry >>> 8);
      return entry & 0xFF;
    }
    return decodeLongSymbol(table);
  }

  /** Decodes a symbol whose code is longer than the look-ahead, or throws for an invalid code. */
  private int decodeLongSymbol(HuffmanTable table) throws ImageDecodeException {
    int bits = (int) (buffer >>> 48);
    for (int length = LOOKAHEAD_BITS + 1; length <= 16; length++) {
      int code = bits >>> (16 - length);
      if (code <= table.maxCode[length]) {
        consume(length);
        return table.symbols[code + table.symbolOffset[length]];
      }
    }
    throw JpegErrors.corrupt("the compressed data contains an invalid Huffman code");
  }

  /** Reads {@code size} bits (1 to 16) and returns the signed value they code. */
  int receiveExtend(int size) throws ImageDecodeException {
    return HuffmanTable.extend(readBits(size), size);
  }

  /** Reads {@code count} bits (1 to 16) as an unsigned number. */
  int readBits(int count) throws ImageDecodeException {
    if (bitCount < REFILL_THRESHOLD) {
      fill();
    }
    int bits = (int) (buffer >>> (64 - count));
    consume(count);
    return bits;
  }

  int readBit() throws ImageDecodeException {
    return readBits(1);
  }

  /** Decodes a DC difference: a size category (0 to 11) and that many extra bits. */
  int decodeDcDifference(HuffmanTable table) throws ImageDecodeException {
    if (bitCount < LOOKAHEAD_BITS) {
      fill();
    }
    int entry = table.dcEntries[(int) (buffer >>> (64 - LOOKAHEAD_BITS))];
    if (entry != 0) {
      consume(entry & 0xFF);
      return entry >> 16;
    }
    int size = decodeSymbol(table);
    if (size == 0) {
      return 0;
    }
    if (size > 11) {
      throw JpegErrors.corrupt("a DC difference has size category " + size + ", above 11");
    }
    return receiveExtend(size);
  }

  /**
   * Decodes the 63 AC coefficients of a sequential block. Coefficients before zigzag index {@code
   * limit} are multiplied by their quantizer and appended to {@code block}; the others are decoded
   * only to find the end of the block.
   *
   * @param quantizers the 64 quantizer steps in zigzag order
   * @param limit zigzag index of the first coefficient that is not needed, 1 to 64
   */
  void decodeAc(HuffmanTable table, SparseBlock block, int[] quantizers, int limit)
      throws ImageDecodeException {
    int[] entries = table.acEntries;
    long bits = buffer;
    int available = bitCount;
    int k = 1;
    while (k < 64) {
      if (available < LOOKAHEAD_BITS) {
        buffer = bits;
        bitCount = available;
        fill();
        bits = buffer;
        available = bitCount;
      }
      int entry = entries[(int) (bits >>> (64 - LOOKAHEAD_BITS))];
      if (entry == 0) {
        buffer = bits;
        bitCount = available;
        k = decodeLongAc(table, block, quantizers, limit, k);
        bits = buffer;
        available = bitCount;
        continue;
      }
      int length = entry & 0xFF;
      bits <<= length;
      available -= length;
      int run = (entry >>> 8) & 0xFF;
      if (run == HuffmanTable.END_OF_BLOCK) {
        break;
      }
      k += run;
      if (k < limit) {
        block.add(k, (entry >> 16) * quantizers[k]);
      }
      k++;
    }
    buffer = bits;
    bitCount = available;
    checkBlockEnd(k);
  }

  /**
   * Skips the 63 AC coefficients of a sequential block: the same as {@link #decodeAc} with limit 1,
   * in a loop of its own because at 1/8 scale it runs for most blocks. Both loops keep the bit
   * buffer in local variables, which the JIT keeps in registers.
   */
  void skipAc(HuffmanTable table) throws ImageDecodeException {
    int[] entries = table.skipEntries();
    long bits = buffer;
    int available = bitCount;
    int k = 1;
    while (k < 64) {
      if (available < HuffmanTable.SKIP_BITS) {
        buffer = bits;
        bitCount = available;
        fill();
        bits = buffer;
        available = bitCount;
      }
      int entry = entries[(int) (bits >>> (64 - HuffmanTable.SKIP_BITS))];
      int advance = (entry >>> 8) & 0xFF;
      if (entry == 0 || k + advance > 64) {
        // One symbol at a time: the look-ahead starts with a long code, or the block ends
        // inside the entry's symbols.
        buffer = bits;
        bitCount = available;
        k = decodeLongAc(table, null, null, 0, k);
        bits = buffer;
        available = bitCount;
        continue;
      }
      int length = entry & 0xFF;
      bits <<= length;
      available -= length;
      if ((entry & HuffmanTable.SKIP_END_OF_BLOCK) != 0) {
        break;
      }
      k += advance;
    }
    buffer = bits;
    bitCount = available;
    checkBlockEnd(k);
  }

  /**
   * Decodes one AC symbol and its extra bits the slow way, appends the coefficient as {@link
   * #decodeAc} does, and returns the zigzag index after it ({@code 64} at the end of the block).
   */
  private int decodeLongAc(
      HuffmanTable table, SparseBlock block, int[] quantizers, int limit, int k)
      throws ImageDecodeException {
    int symbol = decodeSymbol(table);
    int run = symbol >>> 4;
    int size = symbol & 15;
    if (size == 0) {
      return run == 15 ? k + 16 : 64;
    }
    int index = k + run;
    int value = receiveExtend(size);
    if (index < limit) {
      block.add(index, value * quantizers[index]);
    }
    return index + 1;
  }

  private static void checkBlockEnd(int k) throws ImageDecodeException {
    if (k > 64) {
      throw JpegErrors.corrupt("a block has AC coefficients past index 63");
    }
  }

  private void consume(int count) {
    buffer <<= count;
    bitCount -= count;
  }

  /**
   * Tops the buffer up to at least 57 bits. Where the next 8 bytes contain no 0xFF, they are read
   * as one big-endian long. The bits past the whole bytes counted stay in the buffer, which is
   * harmless because the next fill puts the same bits there.
   */
  private void fill() throws ImageDecodeException {
    if (!markerReached && position + 8 <= data.length) {
      long word = (long) BIG_ENDIAN_LONGS.get(data, position);
      if (!containsFf(word)) {
        int bytes = (64 - bitCount) >>> 3;
        buffer |= word >>> bitCount;
        position += bytes;
        bitCount += bytes << 3;
        return;
      }
    }
    fillBytes();
  }

  /** Returns whether any byte of the word is 0xFF: a zero byte of its complement. */
  private static boolean containsFf(long word) {
    long complement = ~word;
    return ((complement - 0x0101010101010101L) & ~complement & 0x8080808080808080L) != 0;
  }

  /** Fills byte by byte, then checks that no padding bit was consumed. */
  private void fillBytes() throws ImageDecodeException {
    while (bitCount <= 56) {
      buffer |= (long) nextByte() << (56 - bitCount);
      bitCount += 8;
    }
    if (8 * paddingBytes > bitCount) {
      throw JpegErrors.truncated();
    }
  }

  private int nextByte() {
    if (markerReached) {
      paddingBytes++;
      return 0;
    }
    int value = position < data.length ? data[position] & 0xFF : -1;
    if (value >= 0 && value != 0xFF) {
      position++;
      return value;
    }
    if (value == 0xFF && position + 1 < data.length && data[position + 1] == 0) {
      position += 2;
      return 0xFF;
    }
    markerReached = true;
    paddingBytes++;
    return 0;
  }

  /**
   * Ends an entropy-coded segment: checks that the decode did not run into the padding and returns
   * the offset of the marker that follows. Stray bytes before the marker are skipped.
   *
   * @throws ImageDecodeException when the decode consumed padding or no marker follows
   */
  int finishSegment() throws ImageDecodeException {
    if (8 * paddingBytes > bitCount) {
      throw JpegErrors.truncated();
    }
    return findMarker(data, position);
  }

  /**
   * Moves past the RSTn marker that ends a restart interval and resets the bit buffer.
   *
   * @param expected the marker number 0 to 7 that the interval count predicts
   */
  void restart(int expected) throws ImageDecodeException {
    int marker = finishSegment();
    int code = data[marker + 1] & 0xFF;
    if (code != Markers.RST0 + expected) {
      throw JpegErrors.corrupt(
          "expected marker RST%d at offset %d, found 0x%02X".formatted(expected, marker, code));
    }
    position = marker + 2;
    buffer = 0;
    bitCount = 0;
    paddingBytes = 0;
    markerReached = false;
  }

  /**
   * Returns the offset of the first marker at or after {@code from} in entropy-coded data: a 0xFF
   * byte that is followed by neither a stuffed zero nor another 0xFF fill byte.
   *
   * @throws ImageDecodeException when the data ends first
   */
  static int findMarker(byte[] data, int from) throws ImageDecodeException {
    int last = data.length - 1;
    for (int i = from; i < last; i++) {
      if (data[i] == (byte) 0xFF) {
        byte next = data[i + 1];
        if (next != 0 && next != (byte) 0xFF) {
          return i;
        }
      }
    }
    throw JpegErrors.truncated();
  }
}
