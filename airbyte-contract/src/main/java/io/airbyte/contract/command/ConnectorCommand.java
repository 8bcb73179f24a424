package io.airbyte.contract.command;

import java.util.Locale;

/** The connector commands the API runs through the worker; {@link #value()} is the command line's word. */
public enum ConnectorCommand {
  SPEC,
  CHECK,
  DISCOVER;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
