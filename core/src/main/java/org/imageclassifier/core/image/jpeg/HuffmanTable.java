package org.imageclassifier.core.image.jpeg;

import org.imageclassifier.core.image.ImageDecodeException;

/**
 * A Huffman decoding table from a DHT segment, with lookup tables indexed by the next {@link
 * #LOOKAHEAD_BITS} bits of the stream so that most codes decode with one array read.
 */
final class HuffmanTable {

  /** Bits of look-ahead in the fast tables. Codes longer than this take the slow path. */
  static final int LOOKAHEAD_BITS = 10;

  /** Run field of a {@link #acEntries} entry that ends the block (EOB). */
  static final int END_OF_BLOCK = 0xFF;

  /**
   * Entries {@code length << 8 | symbol} for every look-ahead that starts with a code of at most
   * {@link #LOOKAHEAD_BITS} bits, 0 for the others.
   */
  final int[] symbolEntries = new int[1 << LOOKAHEAD_BITS];

  /**
   * AC tables only, else null: entries {@code value << 16 | run << 8 | bits} for sequential AC
   * decoding: the code and its extra bits fit the look-ahead together, {@code bits} is their total
   * length, {@code run} the zero run before the coefficient (or {@link #END_OF_BLOCK}) and {@code
   * value} the signed coefficient. 0 where the code or its extra bits are longer.
   */
  final int[] acEntries;

  /**
   * DC tables only, else null: entries {@code difference << 16 | bits} for DC decoding: the size
   * category's code and its extra bits fit the look-ahead together, {@code bits} is their total
   * length and {@code difference} the signed DC difference. 0 where they are longer.
   */
  final int[] dcEntries;

  /** Bits of look-ahead in {@link #skipEntries}. */
  static final int SKIP_BITS = 12;

  /** Flag of a {@link #skipEntries} entry whose last symbol is EOB. */
  static final int SKIP_END_OF_BLOCK = 1 << 16;

  /**
   * Entries {@code advance << 8 | bits} (plus {@link #SKIP_END_OF_BLOCK}) for skipping sequential
   * AC coefficients several symbols at a time, built on first use by {@link #skipEntries()}. An
   * entry covers the longest run of whole symbols, with their extra bits, that fits the first
   * {@link #SKIP_BITS} bits of the look-ahead. {@code bits} is their length and {@code advance} the
   * zigzag positions they pass, plus one when they end with EOB. 0 where the first symbol does not
   * fit.
   */
  private int[] skipEntries;

  /** Largest code of each length 1 to 16, or -1 when no code has that length. */
  final int[] maxCode = new int[17];

  /** Per code length: index into {@link #symbols} minus the first code of that length. */
  final int[] symbolOffset = new int[17];

  final int[] symbols;

  /**
   * Builds the table from a DHT definition.
   *
   * @param counts number of codes of each length 1 to 16
   * @param symbols the symbols in code order
   * @param ac true for an AC table, which gets {@link #acEntries}; false for a DC table, which gets
   *     {@link #dcEntries}
   * @throws ImageDecodeException when the counts describe more codes than fit their lengths
   */
  HuffmanTable(int[] counts, int[] symbols, boolean ac) throws ImageDecodeException {
    this.symbols = symbols;
    acEntries = ac ? new int[1 << LOOKAHEAD_BITS] : null;
    dcEntries = ac ? null : new int[1 << LOOKAHEAD_BITS];
    int code = 0;
    int index = 0;
    for (int length = 1; length <= 16; length++) {
      symbolOffset[length] = index - code;
      for (int i = 0; i < counts[length - 1]; i++) {
        // The all-ones code of each length stays unused (ITU-T T.81 annex C), as libjpeg checks.
        if (code + 1 >= 1 << length) {
          throw JpegErrors.corrupt(
              "a Huffman table defines more codes than fit " + length + " bits");
        }
        addCode(code++, length, symbols[index++]);
      }
      maxCode[length] = counts[length - 1] > 0 ? code - 1 : -1;
      code <<= 1;
    }
  }

  /**
   * Returns the {@link #skipEntries} table, building it on the first call: 4096 entries are worth
   * building only for AC tables whose blocks get skipped, and only in images of many blocks.
   * Instances belong to one decode call, so the lazy build needs no locking.
   */
  int[] skipEntries() {
    if (skipEntries == null) {
      skipEntries = new int[1 << SKIP_BITS];
      for (int lookahead = 0; lookahead < skipEntries.length; lookahead++) {
        skipEntries[lookahead] = skipEntry(lookahead);
      }
    }
    return skipEntries;
  }

  /** Returns the {@link #skipEntries} entry for one look-ahead value. */
  private int skipEntry(int lookahead) {
    int used = 0;
    int advance = 0;
    while (true) {
      int remaining = SKIP_BITS - used;
      int window = ((lookahead << used) & ((1 << SKIP_BITS) - 1)) >>> (SKIP_BITS - LOOKAHEAD_BITS);
      int entry = symbolEntries[window];
      int length = entry >>> 8;
      int symbol = entry & 0xFF;
      int total = length + (symbol & 15);
      if (entry == 0 || total > remaining) {
        return used == 0 ? 0 : (advance << 8) | used;
      }
      used += total;
      if ((symbol & 15) == 0 && symbol >>> 4 != 15) {
        return SKIP_END_OF_BLOCK | ((advance + 1) << 8) | used;
      }
      advance += (symbol & 15) == 0 ? 16 : (symbol >>> 4) + 1;
    }
  }

  private void addCode(int code, int length, int symbol) {
    if (length > LOOKAHEAD_BITS) {
      return;
    }
    int shift = LOOKAHEAD_BITS - length;
    for (int suffix = 0; suffix < 1 << shift; suffix++) {
      int lookahead = (code << shift) | suffix;
      symbolEntries[lookahead] = (length << 8) | symbol;
      if (acEntries != null) {
        acEntries[lookahead] = acEntry(lookahead, length, symbol);
      } else {
        dcEntries[lookahead] = dcEntry(lookahead, length, symbol);
      }
    }
  }

  /** Returns the {@link #acEntries} entry for a look-ahead that starts with the given code. */
  private static int acEntry(int lookahead, int length, int symbol) {
    int run = symbol >>> 4;
    int size = symbol & 15;
    if (size == 0) {
      // Sequential decoding treats every zero-size symbol but ZRL (run 15) as EOB, as libjpeg does.
      return run == 15 ? (15 << 8) | length : (END_OF_BLOCK << 8) | length;
    }
    int total = length + size;
    if (total > LOOKAHEAD_BITS) {
      return 0;
    }
    int bits = (lookahead >>> (LOOKAHEAD_BITS - total)) & ((1 << size) - 1);
    return (extend(bits, size) << 16) | (run << 8) | total;
  }

  /** Returns the {@link #dcEntries} entry for a look-ahead that starts with the given code. */
  private static int dcEntry(int lookahead, int length, int size) {
    int total = length + size;
    if (size > 11 || total > LOOKAHEAD_BITS) {
      return 0;
    }
    if (size == 0) {
      return length;
    }
    int bits = (lookahead >>> (LOOKAHEAD_BITS - total)) & ((1 << size) - 1);
    return (extend(bits, size) << 16) | total;
  }

  /** Converts {@code size} raw bits to the signed value they code (ITU-T T.81 figure F.12). */
  static int extend(int bits, int size) {
    return bits < 1 << (size - 1) ? bits - (1 << size) + 1 : bits;
  }
}
