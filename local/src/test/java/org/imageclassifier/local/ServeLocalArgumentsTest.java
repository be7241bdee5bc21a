package org.imageclassifier.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServeLocalArgumentsTest {

  @Test
  void noArgumentsGiveDefaultPort() {
    assertThat(ServeLocalArguments.parse(new String[0])).isEqualTo(LocalApiServer.DEFAULT_PORT);
  }

  @Test
  void portParsed() {
    assertThat(ServeLocalArguments.parse(new String[] {"--port", "0"})).isZero();
    assertThat(ServeLocalArguments.parse(new String[] {"--port", "9090"})).isEqualTo(9090);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--port|Option --port is missing its value",
        "--port abc|--port must be a whole number, was 'abc'",
        "--port 99999|--port must be from 0 to 65535, was 99999",
        "--host 1|Unknown arguments: --host 1",
      })
  void invalidArgumentsRejected(String line, String message) {
    String[] args = line.split(" ");

    assertThatThrownBy(() -> ServeLocalArguments.parse(args))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
