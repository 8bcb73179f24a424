package io.airbyte.connectors.contract;

import io.airbyte.protocol.json.Jsons;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Reads a table's rows for comparison across databases: the given columns cast to text, then
 * normalized (numbers by value, JSON by content), each row as one string, sorted.
 */
final class Tables {

  private Tables() {}

  static List<String> postgres(String jdbcUrl, String user, String password, String table, List<String> columns)
      throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    props.setProperty("options", "-c TimeZone=UTC");
    try (Connection c = DriverManager.getConnection(jdbcUrl, props)) {
      return rows(c, table, columns);
    }
  }

  static List<String> duckdb(String path, String table, List<String> columns) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + path)) {
      try (Statement s = c.createStatement()) {
        s.execute("SET TimeZone = 'UTC'");
      }
      return rows(c, table, columns);
    }
  }

  /** A Snowflake table (its names upper case, as the destination made them) through snowflake-jdbc. */
  static List<String> snowflake(String jdbcUrl, Properties props, String table, List<String> columns) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, props)) {
      return rows(c, table, columns.stream().map(String::toUpperCase).toList());
    }
  }

  private static List<String> rows(Connection c, String table, List<String> columns) throws SQLException {
    String select = columns.stream().map(col -> "CAST(\"" + col + "\" AS VARCHAR)").collect(Collectors.joining(", "));
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + select + " FROM " + table)) {
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns.size(); i++) {
          values.add(normalize(rs.getString(i)));
        }
        rows.add(String.join(" | ", values));
      }
    }
    rows.sort(null);
    return rows;
  }

  /** Every table of {@code schema} with its rows, each row column → value as text (in column order). */
  static java.util.Map<String, List<java.util.Map<String, String>>> all(Connection c, String schema) throws SQLException {
    List<String> names = new ArrayList<>();
    try (var ps = c.prepareStatement("SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    java.util.Map<String, List<java.util.Map<String, String>>> tables = new java.util.TreeMap<>();
    for (String name : names) {
      List<java.util.Map<String, String>> rows = new ArrayList<>();
      String table = "\"" + schema.replace("\"", "\"\"") + "\".\"" + name.replace("\"", "\"\"") + "\"";
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
        var meta = rs.getMetaData();
        while (rs.next()) {
          java.util.Map<String, String> row = new java.util.LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnName(i), rs.getString(i));
          }
          rows.add(row);
        }
      }
      tables.put(name, rows);
    }
    return tables;
  }

  static String normalize(String value) {
    if (value == null) {
      return "NULL";
    }
    if (value.startsWith("{") || value.startsWith("[")) {
      return Jsons.deserialize(value).toString();
    }
    if (value.matches("-?\\d+(\\.\\d+)?")) { // same text on both sides for anything else (no exponents: md5 text may look like one)
      BigDecimal number = new BigDecimal(value).stripTrailingZeros();
      return number.scale() < 0 ? number.setScale(0).toPlainString() : number.toPlainString();
    }
    return value;
  }
}
