package io.airbyte.standalone;

import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A table's rows in one value: row count, distinct ids and an md5 of every row in id order, each row
 * in one canonical text form (an SQL expression over its columns, the same for a source table and its
 * copy in a destination, whatever types the destination chose).
 */
record TableFingerprint(long rows, long distinctIds, String md5) {

  static TableFingerprint of(PostgresTestDatabase db, String table, String rowText) throws SQLException {
    try (Connection c = db.connection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT count(*), count(DISTINCT id), md5(string_agg(" + rowText + ", E'\\n' ORDER BY id)) FROM " + table)) {
      rs.next();
      return new TableFingerprint(rs.getLong(1), rs.getLong(2), rs.getString(3));
    }
  }
}
