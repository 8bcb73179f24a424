package io.airbyte.contract.connector;

import java.util.Locale;

/** Sources and destinations share tables; this says which one a row is. */
public enum ActorType {
  SOURCE,
  DESTINATION;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ActorType of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
