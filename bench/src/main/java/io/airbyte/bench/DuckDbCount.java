package io.airbyte.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * Prints the first column of the first row of a query on a DuckDB file, read-only, with the DuckDB
 * our destination-duckdb writes with (files of DuckDB 2.x that PyAirbyte's DuckDB 1.x cannot open).
 * Usage: {@code DuckDbCount FILE SQL}.
 */
public final class DuckDbCount {

  public static void main(String[] args) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("duckdb.read_only", "true");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0], properties);
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(args[1])) {
      rs.next();
      System.out.println(rs.getString(1));
    }
  }
}
