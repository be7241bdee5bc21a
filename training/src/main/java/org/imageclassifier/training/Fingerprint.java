package org.imageclassifier.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Identifies a training run for its checkpoints: SHA-256 over the hyperparameters that change the
 * weights, exactly as given, the layer list, the training and validation data checksums and the
 * checksum of the initial weights, when training starts from them. A checkpoint is only resumed by
 * a run with the same fingerprint.
 */
final class Fingerprint {

  /** Hyperparameters that only change what is written after training. */
  private static final Set<String> OUTPUT_ONLY =
      Set.of(
          "model_name",
          "model_version",
          "parity_images",
          "test_limit",
          "class_names",
          "test_time_flip",
          "confidence_threshold");

  private Fingerprint() {}

  static String of(JobSettings settings, NetworkSpec spec, DataChannels channels)
      throws IOException {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(settings.raw())
        .forEach(
            (key, value) -> {
              if (!OUTPUT_ONLY.contains(key)) {
                text.append(key).append('=').append(value).append('\n');
              }
            });
    spec.describe().forEach(layer -> text.append(layer).append('\n'));
    append(text, "train", channels.train().checksums());
    if (channels.validation() != null) {
      append(text, "validation:" + channels.validationSource(), channels.validation().checksums());
    }
    if (channels.initialWeights() != null) {
      text.append("initial weights ").append(Checksums.sha256(channels.initialWeights()));
    }
    MessageDigest digest = Checksums.newSha256();
    return HexFormat.of()
        .formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private static void append(StringBuilder text, String channel, Map<String, String> checksums) {
    new TreeMap<>(checksums)
        .forEach(
            (file, sha) ->
                text.append(channel).append(' ').append(file).append(' ').append(sha).append('\n'));
  }
}
