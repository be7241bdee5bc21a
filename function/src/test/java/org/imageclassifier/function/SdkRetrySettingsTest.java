package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

class SdkRetrySettingsTest {

  @Test
  void defaultsWhenUnset() {
    assertThat(SdkRetrySettings.fromEnvironment(Map.of())).isEqualTo(SdkRetrySettings.DEFAULT);
  }

  @Test
  void variablesOverrideDefaults() {
    SdkRetrySettings settings =
        SdkRetrySettings.fromEnvironment(
            Map.of(
                "AWS_MAX_ATTEMPTS", "6",
                "SDK_ATTEMPT_TIMEOUT_MS", "2000",
                "SDK_CALL_TIMEOUT_MS", "9000"));

    assertThat(settings.maxAttempts()).isEqualTo(6);
    assertThat(settings.attemptTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(9));
    assertThat(settings.baseDelay()).isEqualTo(SdkRetrySettings.DEFAULT.baseDelay());
  }

  @Test
  void invalidNumberNamesVariable() {
    assertThatThrownBy(() -> SdkRetrySettings.fromEnvironment(Map.of("AWS_MAX_ATTEMPTS", "many")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AWS_MAX_ATTEMPTS")
        .hasMessageContaining("many");
  }

  @Test
  void callTimeoutBelowAttemptRejected() {
    assertThatThrownBy(
            () ->
                SdkRetrySettings.DEFAULT.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("callTimeout");
  }

  @Test
  void zeroAttemptsRejected() {
    assertThatThrownBy(() -> SdkRetrySettings.fromEnvironment(Map.of("AWS_MAX_ATTEMPTS", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAttempts");
  }

  @Test
  void clientsGetStrategyAndTimeouts() {
    ClientOverrideConfiguration overrides = AwsClients.overrides(SdkRetrySettings.DEFAULT);

    assertThat(overrides.retryStrategy()).isPresent();
    assertThat(overrides.retryStrategy().get().maxAttempts()).isEqualTo(4);
    assertThat(overrides.apiCallAttemptTimeout()).contains(Duration.ofSeconds(5));
    assertThat(overrides.apiCallTimeout()).contains(Duration.ofSeconds(12));
  }
}
