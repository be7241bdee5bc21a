package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class FunctionConfigTest {

  private static Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>();
    environment.put("RESULTS_TABLE", "results");
    environment.put("AWS_REGION", "eu-west-1");
    return environment;
  }

  @Test
  void defaultsApplyWhenUnset() {
    FunctionConfig config = FunctionConfig.fromEnvironment(environment());

    assertThat(config.tableName()).isEqualTo("results");
    assertThat(config.region()).isEqualTo(Region.EU_WEST_1);
    assertThat(config.resultsPrefix()).isEqualTo("results/");
    assertThat(config.maxObjectBytes()).isEqualTo(20L * 1024 * 1024);
    assertThat(config.s3Endpoint()).isNull();
    assertThat(config.dynamoDbEndpoint()).isNull();
  }

  @Test
  void variablesOverrideDefaults() {
    Map<String, String> environment = environment();
    environment.put("RESULTS_PREFIX", "out/");
    environment.put("MAX_OBJECT_BYTES", "1024");
    environment.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000");
    environment.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000");

    FunctionConfig config = FunctionConfig.fromEnvironment(environment);

    assertThat(config.resultsPrefix()).isEqualTo("out/");
    assertThat(config.maxObjectBytes()).isEqualTo(1024);
    assertThat(config.s3Endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
    assertThat(config.dynamoDbEndpoint()).isEqualTo(URI.create("http://127.0.0.1:8000"));
  }

  @Test
  void missingTableNamesVariable() {
    Map<String, String> environment = environment();
    environment.remove("RESULTS_TABLE");

    assertThatThrownBy(() -> FunctionConfig.fromEnvironment(environment))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RESULTS_TABLE");
  }

  @Test
  void invalidSizeNamesValue() {
    Map<String, String> environment = environment();
    environment.put("MAX_OBJECT_BYTES", "20MB");

    assertThatThrownBy(() -> FunctionConfig.fromEnvironment(environment))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MAX_OBJECT_BYTES")
        .hasMessageContaining("'20MB'");
  }

  @Test
  void relativeEndpointIsRejected() {
    Map<String, String> environment = environment();
    environment.put("AWS_ENDPOINT_URL_S3", "localhost:9000");

    assertThatThrownBy(() -> FunctionConfig.fromEnvironment(environment))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AWS_ENDPOINT_URL_S3");
  }

  @Test
  void prefixWithoutSlashIsRejected() {
    Map<String, String> environment = environment();
    environment.put("RESULTS_PREFIX", "results");

    assertThatThrownBy(() -> FunctionConfig.fromEnvironment(environment))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resultsPrefix")
        .hasMessageContaining("'results'");
  }

  @Test
  void resultKeyAppendsJson() {
    FunctionConfig config = FunctionConfig.fromEnvironment(environment());

    assertThat(config.resultKey("uploads/a b.png")).isEqualTo("results/uploads/a b.png.json");
  }
}
