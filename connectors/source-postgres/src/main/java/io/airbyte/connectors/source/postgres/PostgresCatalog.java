package io.airbyte.connectors.source.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads from pg_catalog the relations of the configured schemas the user may SELECT, with columns, types and keys. */
final class PostgresCatalog {

  private static final String RELATIONS = """
      SELECT c.oid, n.nspname, c.relname, c.relkind::text, greatest(c.reltuples, 0)::bigint,
             CASE WHEN c.relkind IN ('r', 'm', 'p') THEN pg_total_relation_size(c.oid) ELSE 0 END
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
        AND has_table_privilege(c.oid, 'SELECT')
      ORDER BY n.nspname, c.relname
      """;
  private static final String COLUMNS = """
      SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod),
             coalesce(bt.typname, t.typname), coalesce(bt.typcategory, t.typcategory)::text,
             et.typname, et.typcategory::text, coalesce(bt.oid, t.oid), et.oid
      FROM pg_attribute a
      JOIN pg_type t ON t.oid = a.atttypid
      LEFT JOIN pg_type bt ON t.typtype = 'd' AND bt.oid = t.typbasetype
      LEFT JOIN pg_type et ON et.oid = coalesce(bt.typelem, t.typelem) AND coalesce(bt.typcategory, t.typcategory) = 'A'
      WHERE a.attrelid = ANY (?) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attrelid, a.attnum
      """;
  private static final String PRIMARY_KEYS = """
      SELECT i.indrelid, a.attname FROM pg_index i
      JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indisprimary AND i.indrelid = ANY (?)
      ORDER BY i.indrelid, k.position
      """;
  private static final String ENUMS = "SELECT enumtypid, enumlabel FROM pg_enum ORDER BY enumtypid, enumsortorder";

  private final Connection connection;

  PostgresCatalog(Connection connection) {
    this.connection = connection;
  }

  List<TableInfo> tables(List<String> schemas) throws SQLException {
    Map<Long, Relation> relations = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(RELATIONS)) {
      ps.setArray(1, connection.createArrayOf("text", schemas.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          relations.put(rs.getLong(1), new Relation(rs.getString(2), rs.getString(3), rs.getString(4).charAt(0),
              rs.getLong(5), rs.getLong(6)));
        }
      }
    }
    if (relations.isEmpty()) {
      return List.of();
    }
    Array oids = connection.createArrayOf("oid", relations.keySet().toArray());
    Map<Long, List<String>> enums = enumLabels();
    Map<Long, List<TableInfo.ColumnInfo>> columns = new HashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
      ps.setArray(1, oids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          PgType element = rs.getString(6) == null ? null
              : PgType.of(rs.getString(6), rs.getString(6), rs.getString(7), null, enums.get(rs.getLong(9)));
          PgType type = PgType.of(rs.getString(3), rs.getString(4), rs.getString(5), element, enums.get(rs.getLong(8)));
          columns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new TableInfo.ColumnInfo(rs.getString(2), type));
        }
      }
    }
    Map<Long, List<String>> keys = new HashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(PRIMARY_KEYS)) {
      ps.setArray(1, oids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    }
    List<TableInfo> tables = new ArrayList<>();
    relations.forEach((oid, r) -> tables.add(new TableInfo(r.schema(), r.name(), r.kind(),
        columns.getOrDefault(oid, List.of()), keys.getOrDefault(oid, List.of()), r.rows(), r.bytes())));
    return tables;
  }

  /** Whether the server can read a table in ctid ranges with a TID range scan (PostgreSQL 14 and later). */
  boolean supportsTidRangeScan() throws SQLException {
    return connection.getMetaData().getDatabaseMajorVersion() >= 14;
  }

  private Map<Long, List<String>> enumLabels() throws SQLException {
    Map<Long, List<String>> labels = new HashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(ENUMS); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        labels.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
      }
    }
    return labels;
  }

  private record Relation(String schema, String name, char kind, long rows, long bytes) {}
}
