package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.imageclassifier.core.image.ImageFormat;
import org.imageclassifier.core.image.PixelBudget;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

  private static final long MIB = 1L << 20;

  @Test
  void smallHeapLimitsFullResolutionFormats() {
    PixelBudget budget = MemoryBudget.pixelBudget(400 * MIB, 20 * MIB);

    long decodeHeap = (400 - 128 - 40) * MIB;
    assertThat(budget.maxPixels(ImageFormat.TIFF)).isEqualTo(decodeHeap / 12);
    assertThat(budget.maxPixels(ImageFormat.WEBP)).isEqualTo(decodeHeap / 12);
    assertThat(budget.maxPixels(ImageFormat.JPEG)).isEqualTo(PixelBudget.DEFAULT_MAX_PIXELS);
  }

  @Test
  void functionMemoryCapsHeap() {
    Map<String, String> environment = new HashMap<>();
    environment.put(MemoryBudget.MEMORY_SIZE_VARIABLE, "256");

    assertThat(MemoryBudget.heapBytes(environment))
        .isEqualTo(Math.min(256 * MIB, Runtime.getRuntime().maxMemory()));
  }

  @Test
  void maxMemoryWithoutVariable() {
    assertThat(MemoryBudget.heapBytes(Map.of())).isEqualTo(Runtime.getRuntime().maxMemory());
  }

  @Test
  void invalidMemorySizeNamesVariable() {
    Map<String, String> environment = Map.of(MemoryBudget.MEMORY_SIZE_VARIABLE, "1GB");

    assertThatThrownBy(() -> MemoryBudget.heapBytes(environment))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(MemoryBudget.MEMORY_SIZE_VARIABLE)
        .hasMessageContaining("1GB");
  }

  @Test
  void configReadsMemorySize() {
    Map<String, String> environment = new HashMap<>();
    environment.put("RESULTS_TABLE", "results");
    environment.put("AWS_REGION", "eu-west-1");
    environment.put(MemoryBudget.MEMORY_SIZE_VARIABLE, "512");

    FunctionConfig config = FunctionConfig.fromEnvironment(environment);

    assertThat(config.pixelBudget())
        .isEqualTo(
            MemoryBudget.pixelBudget(
                Math.min(512 * MIB, Runtime.getRuntime().maxMemory()),
                FunctionConfig.DEFAULT_MAX_OBJECT_BYTES));
  }
}
