package org.imageclassifier.function;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Points ONNX Runtime at the native libraries that the deployment zip contains unpacked, so that it
 * loads them in place. Without this, ONNX Runtime copies its 20 MB library from the classpath to a
 * temporary file on every cold start before loading it.
 *
 * <p>ONNX Runtime reads the folder from the system property {@value #PROPERTY}. This class sets it
 * when it is unset and {@code ai/onnxruntime/native/<platform>/} is a folder on the classpath, as
 * in the unpacked zip under {@code /var/task}. Where the libraries are inside a jar (tests, the
 * local demo), it changes nothing and ONNX Runtime extracts them as usual. It must run before the
 * first use of DJL's OnnxRuntime engine.
 */
final class OnnxRuntimeNatives {

  /** System property with the folder of libonnxruntime.so and libonnxruntime4j_jni.so. */
  static final String PROPERTY = "onnxruntime.native.path";

  private OnnxRuntimeNatives() {}

  /** Sets {@value #PROPERTY} to the unpacked native folder when there is one and it is unset. */
  static void useUnpackedLibraries() {
    if (System.getProperty(PROPERTY) != null) {
      return;
    }
    Path folder = unpackedFolder(OnnxRuntimeNatives.class.getClassLoader(), platform());
    if (folder != null) {
      System.setProperty(PROPERTY, folder.toString());
    }
  }

  /**
   * Returns the folder of the unpacked natives of a platform, such as {@code linux-x64}, or null
   * when the class loader has them only inside a jar or not at all.
   */
  static Path unpackedFolder(ClassLoader loader, String platform) {
    String resource =
        "ai/onnxruntime/native/" + platform + "/" + System.mapLibraryName("onnxruntime");
    URL url = loader.getResource(resource);
    if (url == null || !"file".equals(url.getProtocol())) {
      return null;
    }
    try {
      return Path.of(url.toURI()).getParent();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  /** Returns ONNX Runtime's name for this platform: linux-x64 or linux-aarch64 on Lambda. */
  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String osName = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "osx" : "win";
    String archName = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : "aarch64";
    return osName + "-" + archName;
  }
}
