package io.airbyte.testsupport.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresExtensionIT {

  private final PostgresTestDatabase db;

  PostgresExtensionIT(PostgresTestDatabase db) {
    this.db = db;
  }

  @Test
  void theClassGetsADatabaseOfItsOwnOnARealServer(PostgresTestDatabase same) throws SQLException {
    assertThat(same.databaseName()).isEqualTo(db.databaseName());
    db.execute("CREATE TABLE t (id int primary key)", "INSERT INTO t VALUES (1), (2)");
    try (Connection c = db.connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_database(), count(*), version() FROM t")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo(db.databaseName());
      assertThat(rs.getLong(2)).isEqualTo(2);
      assertThat(rs.getString(3)).startsWith("PostgreSQL 17");
    }
  }

  @Test
  void aWrongPasswordIsRefused() {
    Properties props = new Properties();
    props.setProperty("user", db.username());
    props.setProperty("password", "wrong");
    assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), props).close())
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
  }

  @Test
  void anotherDatabaseIsDroppedWhenClosed() throws SQLException {
    PostgresTestDatabase other = EmbeddedPostgresServer.get().createDatabase();
    assertThat(other.databaseName()).isNotEqualTo(db.databaseName());
    other.execute("CREATE TABLE x (a int)");
    other.close();
    try (Connection c = EmbeddedPostgresServer.get().adminDataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + other.databaseName() + "'")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
  }
}
