package io.airbyte.testsupport.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server (embedded binaries) per test JVM, started on first use and stopped at
 * JVM exit. The superuser {@code postgres} connects without a password from the local host; every
 * other role must give its password (scram-sha-256), so tests can check wrong credentials. It runs
 * with {@code wal_level=logical} and accepts replication connections, for CDC. It
 * listens on all interfaces so connectors in containers can reach it through the Docker bridge.
 *
 * <p>A test that stops and starts a database server mid-test (a destination restarted during a sync)
 * takes a {@linkplain #dedicated dedicated} server instead, on a data directory of its own: {@link
 * #stop} and {@link #start} keep its port and its data.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static EmbeddedPostgresServer instance;

  private final Path dataDirectory;
  private volatile EmbeddedPostgres postgres;
  private final int port;

  private EmbeddedPostgresServer(Path dataDirectory, EmbeddedPostgres postgres) {
    this.dataDirectory = dataDirectory;
    this.postgres = postgres;
    this.port = postgres.getPort();
  }

  public static synchronized EmbeddedPostgresServer get() {
    if (instance == null) {
      instance = new EmbeddedPostgresServer(null, start(builder()));
    }
    return instance;
  }

  /**
   * A server of the caller's own on {@code dataDirectory} (created by initdb when empty), to be
   * stopped and started again; {@link #close} stops it for good.
   */
  public static EmbeddedPostgresServer dedicated(Path dataDirectory) {
    return new EmbeddedPostgresServer(dataDirectory,
        start(builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)));
  }

  private static EmbeddedPostgres.Builder builder() {
    return EmbeddedPostgres.builder()
        .setServerConfig("listen_addresses", "*")
        .setServerConfig("max_connections", "300")
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off")
        .setServerConfig("full_page_writes", "off")
        .setServerConfig("password_encryption", "scram-sha-256")
        .setServerConfig("timezone", "UTC")
        .setServerConfig("wal_level", "logical") // source-postgres CDC reads from logical replication slots
        .setServerConfig("max_replication_slots", "40")
        .setServerConfig("max_wal_senders", "40")
        .setDataDirectoryCustomizer(dir -> writeHostBasedAuthentication(dir.toPath()));
  }

  private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder) {
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
    }
  }

  /**
   * Stops a dedicated server (a fast shutdown: open sessions are ended, as a restart of the
   * database ends them); its data stay.
   */
  public synchronized void stop() {
    requireDedicated("stop");
    if (postgres == null) {
      return;
    }
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop the embedded PostgreSQL on port " + port, e);
    } finally {
      postgres = null;
    }
  }

  /** Starts a stopped dedicated server again, on the same port and data directory. */
  public synchronized void start() {
    requireDedicated("start");
    if (postgres == null) {
      postgres = start(builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port));
    }
  }

  public boolean isRunning() {
    return postgres != null;
  }

  /** Stops a dedicated server; the JVM's shared server stays until the JVM ends. */
  @Override
  public void close() {
    if (dataDirectory != null) {
      stop();
    }
  }

  private void requireDedicated(String what) {
    if (dataDirectory == null) {
      throw new IllegalStateException("cannot " + what + " the JVM's shared server: take a dedicated one");
    }
  }

  private EmbeddedPostgres running() {
    EmbeddedPostgres current = postgres;
    if (current == null) {
      throw new IllegalStateException("the embedded PostgreSQL on port " + port + " is stopped");
    }
    return current;
  }

  private static void writeHostBasedAuthentication(Path dataDirectory) {
    String hba = String.join("\n",
        "# written by the test support: the superuser is trusted locally, every other role needs its password",
        "local all all trust",
        "host all postgres 127.0.0.1/32 trust",
        "host all postgres ::1/128 trust",
        "host all all 0.0.0.0/0 scram-sha-256",
        "host all all ::/0 scram-sha-256",
        "local replication all trust",
        "host replication postgres 127.0.0.1/32 trust",
        "host replication all 0.0.0.0/0 scram-sha-256",
        "host replication all ::/0 scram-sha-256",
        "");
    try {
      Files.writeString(dataDirectory.resolve("pg_hba.conf"), hba);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write pg_hba.conf", e);
    }
  }

  public String host() {
    return "localhost";
  }

  public int port() {
    return port;
  }

  /** The {@code postgres} database as the superuser. */
  public DataSource adminDataSource() {
    return running().getPostgresDatabase();
  }

  /** A new database owned by a new role with a random password. Close it to drop both. */
  public PostgresTestDatabase createDatabase() {
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    String name = "test_" + suffix;
    String user = "user_" + suffix;
    String password = "pw_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = adminDataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'");
      s.execute("CREATE DATABASE " + name + " OWNER " + user);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return new PostgresTestDatabase(this, name, user, password);
  }

  void dropDatabase(String name, String user) {
    try (Connection c = adminDataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("DROP ROLE IF EXISTS " + user);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test database " + name, e);
    }
  }
}
