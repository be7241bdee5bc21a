package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxRuntimeNativesTest {

  @Test
  void unpackedFolderFound(@TempDir Path root) throws IOException {
    Path folder = Files.createDirectories(root.resolve("ai/onnxruntime/native/linux-x64"));
    Files.createFile(folder.resolve(System.mapLibraryName("onnxruntime")));

    try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
      assertThat(OnnxRuntimeNatives.unpackedFolder(loader, "linux-x64")).isEqualTo(folder);
    }
  }

  @Test
  void nativesInsideJarIgnored() {
    // The test classpath has ONNX Runtime's jar, whose natives ONNX Runtime must extract itself.
    ClassLoader loader = OnnxRuntimeNatives.class.getClassLoader();

    assertThat(OnnxRuntimeNatives.unpackedFolder(loader, OnnxRuntimeNatives.platform())).isNull();
  }

  @Test
  void missingPlatformIgnored(@TempDir Path root) throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
      assertThat(OnnxRuntimeNatives.unpackedFolder(loader, "linux-aarch64")).isNull();
    }
  }

  @Test
  void platformNamedAsOnnxRuntimeDoes() {
    assertThat(OnnxRuntimeNatives.platform()).matches("(linux|osx|win)-(x64|aarch64)");
  }
}
