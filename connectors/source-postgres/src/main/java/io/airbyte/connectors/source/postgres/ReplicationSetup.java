package io.airbyte.connectors.source.postgres;

import io.airbyte.connector.kit.ConfigErrorException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * What CDC needs of the source database, each found missing with the statement that fixes it:
 * {@code wal_level=logical}, a user that may replicate, the logical slot (plugin pgoutput, in this
 * database) and the publication of the tables.
 */
final class ReplicationSetup {

  private final Connection connection;
  private final PostgresSourceConfig config;

  ReplicationSetup(Connection connection, PostgresSourceConfig config) {
    this.connection = connection;
    this.config = config;
  }

  void requireLogicalWal() throws SQLException {
    String level = scalar("SHOW wal_level");
    if (!"logical".equals(level)) {
      throw new ConfigErrorException("CDC needs wal_level = logical, but the server has wal_level = " + level
          + ": set it (ALTER SYSTEM SET wal_level = logical) and restart PostgreSQL");
    }
  }

  void requireReplicationPrivilege() throws SQLException {
    if (!"t".equals(scalar("SELECT (rolreplication OR rolsuper)::text::char FROM pg_roles WHERE rolname = current_user"))) {
      throw new ConfigErrorException("user '" + config.username() + "' may not replicate: ALTER ROLE "
          + Sql.quote(config.username()) + " REPLICATION");
    }
  }

  /** The slot as pg_replication_slots shows it; a missing, physical, other-plugin or other-database slot is an error. */
  Slot slot() throws SQLException {
    String name = config.cdc().slot();
    try (PreparedStatement ps = connection.prepareStatement("SELECT slot_type, plugin, database,"
        + " confirmed_flush_lsn - '0/0'::pg_lsn, wal_status, active_pid FROM pg_replication_slots WHERE slot_name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new ConfigErrorException("replication slot '" + name + "' (replication_method.replication_slot) does not"
              + " exist: create it with SELECT pg_create_logical_replication_slot(" + Sql.literal(name) + ", 'pgoutput')");
        }
        if (!"logical".equals(rs.getString(1)) || !"pgoutput".equals(rs.getString(2))) {
          throw new ConfigErrorException("replication slot '" + name + "' is a " + rs.getString(1) + " slot"
              + (rs.getString(2) == null ? "" : " of plugin " + rs.getString(2)) + ", not a logical slot of plugin"
              + " pgoutput: drop it and create it with SELECT pg_create_logical_replication_slot(" + Sql.literal(name)
              + ", 'pgoutput')");
        }
        if (!config.database().equals(rs.getString(3))) {
          throw new ConfigErrorException("replication slot '" + name + "' belongs to database '" + rs.getString(3)
              + "', not '" + config.database() + "': create a slot in '" + config.database() + "'");
        }
        return new Slot(name, rs.getBigDecimal(4) == null ? 0 : rs.getBigDecimal(4).longValueExact(), rs.getString(5),
            rs.getObject(6) == null ? null : rs.getInt(6));
      }
    }
  }

  /** The tables of the publication, as "schema.table" keys of {@link #key}; a missing publication is an error. */
  Set<String> publicationTables() throws SQLException {
    String name = config.cdc().publication();
    try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM pg_publication WHERE pubname = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new ConfigErrorException("publication '" + name + "' (replication_method.publication) does not exist:"
              + " create it with CREATE PUBLICATION " + Sql.quote(name) + " FOR TABLE <the tables to sync>");
        }
      }
    }
    Set<String> tables = new HashSet<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT schemaname, tablename FROM pg_publication_tables WHERE pubname = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tables.add(key(rs.getString(1), rs.getString(2)));
        }
      }
    }
    return tables;
  }

  static String key(String schema, String table) {
    return schema + "\u0000" + table;
  }

  private String scalar(String sql) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /**
   * A logical slot.
   *
   * @param confirmedFlush the position the slot keeps changes from (changes before it are gone)
   * @param walStatus pg_replication_slots.wal_status: 'lost' once the WAL the slot needs was removed
   * @param activePid the process streaming from it now, or null
   */
  record Slot(String name, long confirmedFlush, String walStatus, Integer activePid) {

    boolean lost() {
      return "lost".equals(walStatus);
    }
  }
}
