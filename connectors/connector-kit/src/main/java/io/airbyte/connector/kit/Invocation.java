package io.airbyte.connector.kit;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The parsed command line of a connector: {@code spec | check | discover | read | write} and its files. */
record Invocation(Command command, Path config, Path catalog, Path state) {

  static final String USAGE = "usage: spec | check --config FILE | discover --config FILE"
      + " | read --config FILE --catalog FILE [--state FILE] | write --config FILE --catalog FILE";

  enum Command {
    SPEC(Set.of(), Set.of()),
    CHECK(Set.of("--config"), Set.of()),
    DISCOVER(Set.of("--config"), Set.of()),
    READ(Set.of("--config", "--catalog"), Set.of("--state")),
    WRITE(Set.of("--config", "--catalog"), Set.of());

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
    for (int i = 1; i < args.size(); i += 2) {
      String option = args.get(i);
      if (!command.required.contains(option) && !command.optional.contains(option)) {
        throw new UsageException("'" + command.name().toLowerCase() + "' does not take '" + option + "'");
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
    return new Invocation(command, options.get("--config"), options.get("--catalog"), options.get("--state"));
  }

  /** The command line does not follow the usage. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message + "; " + USAGE);
    }
  }
}
