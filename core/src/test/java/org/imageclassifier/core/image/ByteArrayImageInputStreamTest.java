package org.imageclassifier.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import javax.imageio.IIOException;
import org.junit.jupiter.api.Test;

class ByteArrayImageInputStreamTest {

  @Test
  void readsBytesInPlace() throws IOException {
    try (ByteArrayImageInputStream stream = new ByteArrayImageInputStream(new byte[] {1, 2, 3})) {
      byte[] buffer = new byte[8];

      assertThat(stream.read()).isEqualTo(1);
      assertThat(stream.read(buffer, 0, 8)).isEqualTo(2);
      assertThat(buffer[1]).isEqualTo((byte) 3);
      assertThat(stream.length()).isEqualTo(-1);
      stream.seek(0);
      assertThat(stream.readUnsignedShort()).isEqualTo(0x0102);
    }
  }

  @Test
  void endOfDataIsEofAtFirst() throws IOException {
    try (ByteArrayImageInputStream stream = new ByteArrayImageInputStream(new byte[] {1})) {
      stream.seek(1);

      assertThat(stream.read()).isEqualTo(-1);
      assertThat(stream.read(new byte[4], 0, 4)).isEqualTo(-1);
      assertThatThrownBy(stream::readByte).isInstanceOf(EOFException.class);
    }
  }

  @Test
  void endlessReadsPastEndFail() throws IOException {
    try (ByteArrayImageInputStream stream = new ByteArrayImageInputStream(new byte[] {1})) {
      stream.seek(1);
      for (int i = 0; i < ByteArrayImageInputStream.MAX_READS_PAST_END; i++) {
        assertThatThrownBy(stream::readByte).isInstanceOf(EOFException.class);
      }

      assertThatThrownBy(stream::readByte)
          .isInstanceOf(IIOException.class)
          .hasMessageContaining("read past the end");
    }
  }
}
