package io.airbyte.contract.command;

import java.util.Locale;

/**
 * The connector commands the API runs through the worker; {@link #value()} is the command line's word.
 * {@code VALIDATE_MANIFEST} and {@code TEST_READ} are the Connector Builder's, for a declarative
 * manifest: the CDK's validation of it, and a test read of one stream.
 */
public enum ConnectorCommand {
  SPEC,
  CHECK,
  DISCOVER,
  VALIDATE_MANIFEST,
  TEST_READ;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
