package io.airbyte.connector.kit.typing;

/**
 * The type a destination gives a stream property, from Airbyte's well-known types. {@link #JSON}
 * covers objects, arrays, unions and anything not typed more precisely.
 */
public enum AirbyteType {
  STRING,
  BOOLEAN,
  INTEGER,
  NUMBER,
  DATE,
  TIMESTAMP_WITH_TIMEZONE,
  TIMESTAMP_WITHOUT_TIMEZONE,
  TIME_WITH_TIMEZONE,
  TIME_WITHOUT_TIMEZONE,
  OBJECT,
  ARRAY,
  JSON;

  /** Whether values are kept as JSON documents (objects, arrays, anything untyped). */
  public boolean isJson() {
    return this == OBJECT || this == ARRAY || this == JSON;
  }
}
