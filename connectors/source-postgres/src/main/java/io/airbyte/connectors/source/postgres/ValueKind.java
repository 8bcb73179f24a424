package io.airbyte.connectors.source.postgres;

/** How a column's text value (PostgreSQL's output in the connector's session settings) becomes JSON. */
enum ValueKind {
  /** int2/int4/int8/oid: a JSON number as PostgreSQL prints it. */
  INTEGER,
  /** numeric: a JSON number with every digit; NaN and infinities as strings. */
  NUMERIC,
  /** float4/float8: a JSON number; NaN and infinities as strings. */
  FLOAT,
  BOOLEAN,
  STRING,
  DATE,
  /** timestamp without time zone: ISO 8601 with 'T'. */
  TIMESTAMP,
  /** timestamp with time zone, printed in UTC: ISO 8601 with 'T' and 'Z'. */
  TIMESTAMPTZ,
  TIME,
  /** time with time zone: offset as ±hh:mm. */
  TIMETZ,
  /** json/jsonb: the JSON value itself. */
  JSON,
  /** bytea: base64. */
  BYTEA,
  /** an array of one of the kinds above. */
  ARRAY
}
