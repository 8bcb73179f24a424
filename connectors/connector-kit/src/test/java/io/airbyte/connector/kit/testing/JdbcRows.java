package io.airbyte.connector.kit.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a reader of a destination's database sees: a query's rows, each column by its label in order. */
public final class JdbcRows {

  private JdbcRows() {}

  public static List<Map<String, Object>> query(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.put(md.getColumnLabel(i), rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  /** The single number a query such as {@code SELECT count(*) …} gives. */
  public static long number(Connection connection, String sql) throws SQLException {
    return ((Number) query(connection, sql).get(0).values().iterator().next()).longValue();
  }
}
