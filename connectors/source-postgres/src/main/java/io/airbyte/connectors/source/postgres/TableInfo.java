package io.airbyte.connectors.source.postgres;

import java.util.List;

/**
 * A relation the user may read: table ({@code r}), partitioned table ({@code p}), view ({@code v}),
 * materialized view ({@code m}) or foreign table ({@code f}).
 */
record TableInfo(String schema, String name, char kind, List<ColumnInfo> columns, List<String> primaryKey,
    long estimatedRows, long estimatedBytes) {

  /** Has physical rows with a ctid that a TID range scan can read in page ranges. */
  boolean hasCtid() {
    return kind == 'r' || kind == 'm';
  }

  ColumnInfo column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  String qualifiedName() {
    return Sql.quote(schema) + "." + Sql.quote(name);
  }

  /** A column of a relation and its type. */
  record ColumnInfo(String name, PgType type) {}
}
