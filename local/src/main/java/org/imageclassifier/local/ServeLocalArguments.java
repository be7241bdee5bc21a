package org.imageclassifier.local;

import java.io.PrintStream;

/** Parses the command line of {@code ./serve-local}: {@code [--port N]}. */
final class ServeLocalArguments {

  static final String USAGE =
      "Usage: ./serve-local [--port N]\n"
          + "  --port N  HTTP port on 127.0.0.1, default "
          + LocalApiServer.DEFAULT_PORT
          + "; 0 picks a free port";

  private ServeLocalArguments() {}

  /**
   * Returns the port from the arguments, or the default. Prints the usage and exits: with status 0
   * for {@code --help}, with status 2 for an invalid argument.
   */
  static int port(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      out.println(USAGE);
      System.exit(0);
    }
    try {
      return parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      System.exit(2);
      return -1;
    }
  }

  /**
   * Returns the port from the arguments, or the default.
   *
   * @throws IllegalArgumentException naming the invalid argument
   */
  static int parse(String[] args) {
    if (args.length == 0) {
      return LocalApiServer.DEFAULT_PORT;
    }
    if (args.length == 1 && args[0].equals("--port")) {
      throw new IllegalArgumentException("Option --port is missing its value");
    }
    if (args.length != 2 || !args[0].equals("--port")) {
      throw new IllegalArgumentException("Unknown arguments: " + String.join(" ", args));
    }
    try {
      int port = Integer.parseInt(args[1]);
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("--port must be from 0 to 65535, was " + port);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port must be a whole number, was '" + args[1] + "'");
    }
  }
}
