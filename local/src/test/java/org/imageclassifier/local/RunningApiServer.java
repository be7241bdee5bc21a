package org.imageclassifier.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that starts one {@link LocalApiServer} on a free port for every test class of the
 * run and injects it; JUnit closes it at the end. Tests share the bucket and the table, so each
 * uses keys of its own.
 */
final class RunningApiServer implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalApiServer.class;
  }

  @Override
  public LocalApiServer resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext.Store store =
        context.getRoot().getStore(ExtensionContext.Namespace.create(RunningApiServer.class));
    return store
        .getOrComputeIfAbsent(Closeable.class, k -> Closeable.start(), Closeable.class)
        .server();
  }

  /** The server, closed by JUnit when the root store is closed. */
  private record Closeable(LocalApiServer server) implements AutoCloseable {

    static Closeable start() {
      try {
        return new Closeable(LocalApiServer.start(0));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
