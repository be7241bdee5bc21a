package org.imageclassifier.function.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiConfigTest {

  private static Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>();
    environment.put("RESULTS_TABLE", "results");
    environment.put("AWS_REGION", "eu-west-1");
    environment.put(ApiConfig.UPLOADS_BUCKET_VARIABLE, "image-uploads");
    return environment;
  }

  @Test
  void defaultsApplyWhenUnset() {
    ApiConfig config = ApiConfig.fromEnvironment(environment());

    assertThat(config.uploadsBucket()).isEqualTo("image-uploads");
    assertThat(config.uploadsPrefix()).isEqualTo("uploads/");
    assertThat(config.maxInlineImageBytes()).isEqualTo(4L * 1024 * 1024);
    assertThat(config.uploadUrlExpiry()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.function().tableName()).isEqualTo("results");
  }

  @Test
  void variablesOverrideDefaults() {
    Map<String, String> environment = environment();
    environment.put(ApiConfig.MAX_INLINE_IMAGE_BYTES_VARIABLE, "1000");
    environment.put(ApiConfig.UPLOAD_URL_EXPIRY_VARIABLE, " 60 ");
    environment.put(ApiConfig.UPLOADS_PREFIX_VARIABLE, "incoming/");

    ApiConfig config = ApiConfig.fromEnvironment(environment);

    assertThat(config.maxInlineImageBytes()).isEqualTo(1000);
    assertThat(config.uploadUrlExpiry()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.uploadsPrefix()).isEqualTo("incoming/");
  }

  @Test
  void missingBucketNamesVariable() {
    Map<String, String> environment = environment();
    environment.remove(ApiConfig.UPLOADS_BUCKET_VARIABLE);

    assertThatThrownBy(() -> ApiConfig.fromEnvironment(environment))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UPLOADS_BUCKET");
  }

  @Test
  void invalidValuesAreRejected() {
    assertInvalid(ApiConfig.MAX_INLINE_IMAGE_BYTES_VARIABLE, "4500001", "maxInlineImageBytes");
    assertInvalid(ApiConfig.MAX_INLINE_IMAGE_BYTES_VARIABLE, "four", "MAX_INLINE_IMAGE_BYTES");
    assertInvalid(ApiConfig.UPLOAD_URL_EXPIRY_VARIABLE, "604801", "uploadUrlExpiry");
    assertInvalid(ApiConfig.UPLOAD_URL_EXPIRY_VARIABLE, "0", "uploadUrlExpiry");
    assertInvalid(ApiConfig.UPLOADS_PREFIX_VARIABLE, "uploads", "end with '/'");
    assertInvalid(ApiConfig.UPLOADS_PREFIX_VARIABLE, "results/", "overlap");
  }

  private static void assertInvalid(String variable, String value, String messagePart) {
    Map<String, String> environment = environment();
    environment.put(variable, value);

    assertThatThrownBy(() -> ApiConfig.fromEnvironment(environment))
        .as("%s=%s", variable, value)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(messagePart);
  }
}
