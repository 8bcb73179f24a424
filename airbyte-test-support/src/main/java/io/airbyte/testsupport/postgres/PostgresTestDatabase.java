package io.airbyte.testsupport.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.ds.PGSimpleDataSource;

/** A database of its own on the shared embedded server, owned by a role that logs in with a password. */
public final class PostgresTestDatabase implements AutoCloseable {

  private final EmbeddedPostgresServer server;
  private final String databaseName;
  private final String username;
  private final String password;

  PostgresTestDatabase(EmbeddedPostgresServer server, String databaseName, String username, String password) {
    this.server = server;
    this.databaseName = databaseName;
    this.username = username;
    this.password = password;
  }

  public String host() {
    return server.host();
  }

  public int port() {
    return server.port();
  }

  public String databaseName() {
    return databaseName;
  }

  public String username() {
    return username;
  }

  public String password() {
    return password;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host() + ":" + port() + "/" + databaseName;
  }

  public PGSimpleDataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {host()});
    ds.setPortNumbers(new int[] {port()});
    ds.setDatabaseName(databaseName);
    ds.setUser(username);
    ds.setPassword(password);
    return ds;
  }

  /** A connection as the owner role. */
  public Connection connection() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", username);
    props.setProperty("password", password);
    return DriverManager.getConnection(jdbcUrl(), props);
  }

  /** Runs SQL statements as the owner role, in order. */
  public void execute(String... sql) {
    try (Connection c = connection(); Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed on " + databaseName + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    server.dropDatabase(databaseName, username);
  }
}
