package io.airbyte.connector.kit;

import io.airbyte.protocol.rows.TypedRows;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The parsed command line of a connector: {@code spec | check | discover | read | write} and its files. */
record Invocation(Command command, Path config, Path catalog, Path state, String recordFormat) {

  static final String USAGE = "usage: spec | check --config FILE | discover --config FILE"
      + " | read --config FILE --catalog FILE [--state FILE] [--record-format FORMAT]"
      + " | write --config FILE --catalog FILE [--record-format FORMAT]";

  enum Command {
    SPEC(Set.of(), Set.of()),
    CHECK(Set.of("--config"), Set.of()),
    DISCOVER(Set.of("--config"), Set.of()),
    READ(Set.of("--config", "--catalog"), Set.of("--state", TypedRows.OPTION)),
    WRITE(Set.of("--config", "--catalog"), Set.of(TypedRows.OPTION));

    final Set<String> required;
    final Set<String> optional;

    Command(Set<String> required, Set<String> optional) {
      this.required = required;
      this.optional = optional;
    }
  }

  static Invocation parse(List<String> args) {
    if (args.isEmpty()) {
      throw new UsageException("no command given");
    }
    Command command;
    try {
      command = Command.valueOf(args.get(0).toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new UsageException("unknown command '" + args.get(0) + "'");
    }
    Map<String, Path> options = new HashMap<>();
    String recordFormat = null;
    for (int i = 1; i < args.size(); i += 2) {
      String option = args.get(i);
      if (!command.required.contains(option) && !command.optional.contains(option)) {
        throw new UsageException("'" + command.name().toLowerCase() + "' does not take '" + option + "'");
      }
      if (option.equals(TypedRows.OPTION)) {
        recordFormat = i + 1 < args.size() ? args.get(i + 1) : null;
        if (!TypedRows.FORMAT.equals(recordFormat)) {
          throw new UsageException("unknown record format '" + recordFormat + "' (this connector speaks " + TypedRows.FORMAT
              + " and JSON lines, the default)");
        }
        continue;
      }
      if (i + 1 >= args.size()) {
        throw new UsageException(option + " needs a file");
      }
      options.put(option, Path.of(args.get(i + 1)));
    }
    for (String option : command.required) {
      if (!options.containsKey(option)) {
        throw new UsageException("'" + command.name().toLowerCase() + "' needs " + option + " FILE");
      }
    }
    return new Invocation(command, options.get("--config"), options.get("--catalog"), options.get("--state"), recordFormat);
  }

  /** Whether records go in the typed-rows format rather than as JSON lines. */
  boolean typedRows() {
    return recordFormat != null;
  }

  /** The command line does not follow the usage. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message + "; " + USAGE);
    }
  }
}
