package org.imageclassifier.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the deployment zip after the package phase has built it. The zip leaves out most of
 * aws-lambda-java-events and several unused dependencies, so every class of the function and every
 * event type it keeps must still resolve from the zip alone, as Lambda loads it.
 */
class DeploymentZipIT {

  private static final Pattern HANDLER = Pattern.compile("(org\\.imageclassifier\\.[\\w.]+)::");

  @TempDir static Path task;

  private static URLClassLoader loader;

  @BeforeAll
  static void unpack() throws IOException {
    unzip(Path.of(System.getProperty("lambda.zip", "target/image-classifier-function.zip")));
    List<URL> urls = new ArrayList<>(List.of(task.toUri().toURL()));
    try (Stream<Path> jars = Files.list(task.resolve("lib"))) {
      for (Path jar : jars.toList()) {
        urls.add(jar.toUri().toURL());
      }
    }
    loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  @Test
  void functionAndEventClassesResolve() throws IOException {
    List<String> names = new ArrayList<>(classesUnder(task, "com/amazonaws/"));
    try (Stream<Path> jars = Files.list(task.resolve("lib"))) {
      for (Path jar :
          jars.filter(j -> j.getFileName().toString().startsWith("classifier-")).toList()) {
        names.addAll(jarClasses(jar));
      }
    }

    List<String> failures =
        names.stream().map(DeploymentZipIT::resolveError).flatMap(Stream::ofNullable).toList();

    assertThat(names).hasSizeGreaterThan(100);
    assertThat(failures).isEmpty();
  }

  @Test
  void templateHandlersPresent() throws IOException {
    Matcher handlers = HANDLER.matcher(Files.readString(Path.of("../template.yaml")));
    List<String> names = new ArrayList<>();
    while (handlers.find()) {
      names.add(handlers.group(1));
    }

    assertThat(names).hasSizeGreaterThanOrEqualTo(4);
    assertThat(names).allSatisfy(name -> assertThat(resolveError(name)).isNull());
  }

  @Test
  void nativesAndModelInside() {
    assertThat(loader.getResource("model/model.onnx")).isNotNull();
    assertThat(loader.getResource("model/model.json")).isNotNull();
    assertThat(task.resolve("ai/onnxruntime/native")).isNotEmptyDirectory();
  }

  private static String resolveError(String name) {
    try {
      Class<?> type = Class.forName(name, false, loader);
      type.getDeclaredFields();
      type.getDeclaredMethods();
      type.getDeclaredConstructors();
      return null;
    } catch (ClassNotFoundException | LinkageError e) {
      return name + ": " + e;
    }
  }

  private static void unzip(Path zip) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Path target = task.resolve(entry.getName()).normalize();
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target);
        }
      }
    }
  }

  private static List<String> classesUnder(Path root, String folder) throws IOException {
    Path start = root.resolve(folder);
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(start)) {
      return files
          .map(root::relativize)
          .map(Path::toString)
          .filter(DeploymentZipIT::isClass)
          .map(DeploymentZipIT::className)
          .toList();
    }
  }

  private static List<String> jarClasses(Path jar) throws IOException {
    List<String> names = new ArrayList<>();
    try (InputStream file = Files.newInputStream(jar);
        ZipInputStream in = new ZipInputStream(file)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (isClass(entry.getName())) {
          names.add(className(entry.getName()));
        }
      }
    }
    return names;
  }

  private static boolean isClass(String entry) {
    return entry.endsWith(".class") && !entry.endsWith("module-info.class");
  }

  private static String className(String entry) {
    return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
  }
}
