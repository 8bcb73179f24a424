package io.airbyte.standalone;

import io.airbyte.testsupport.postgres.EmbeddedPostgresServer;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A source database set up for CDC the way its user does it: the role gets REPLICATION, two tables
 * with primary keys ({@code customers} with the default replica identity, {@code orders} with
 * REPLICA IDENTITY FULL) and rows, a publication of both, a {@code pgoutput} slot, then a few more
 * rows written after the slot (so the WAL moves on between the slot and the first sync). Rows read
 * in one canonical text form, in id order, compare a table of the source with its copy in a destination.
 */
final class CdcSourceDatabase {

  static final List<String> TABLES = List.of("customers", "orders");

  /** Per table, the columns of the source as text, so that the destination's types (bigint, numeric, timestamptz) compare. */
  private static final Map<String, String> CANONICAL = Map.of(
      "customers", "id::bigint::text || '|' || name || '|' || coalesce(tier, '<null>') || '|'"
          + " || to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')",
      "orders", "id::bigint::text || '|' || customer_id::bigint::text || '|' || amount::numeric(12,2)::text || '|'"
          + " || coalesce(note, '<null>')");

  private final PostgresTestDatabase db;
  private final String slot;
  private final String publication;

  private CdcSourceDatabase(PostgresTestDatabase db, String slot, String publication) {
    this.db = db;
    this.slot = slot;
    this.publication = publication;
  }

  /** A new database on the embedded server, set up for CDC; {@code name} makes the slot's and publication's names. */
  static CdcSourceDatabase create(String name) throws SQLException {
    EmbeddedPostgresServer server = EmbeddedPostgresServer.get();
    PostgresTestDatabase db = server.createDatabase();
    try (Connection admin = server.adminDataSource().getConnection(); Statement s = admin.createStatement()) {
      s.execute("ALTER ROLE " + db.username() + " REPLICATION");
    }
    CdcSourceDatabase source = new CdcSourceDatabase(db, name + "_slot", name + "_pub");
    db.execute("CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, tier text,"
            + " updated_at timestamptz NOT NULL DEFAULT timestamptz '2024-01-01 00:00:00+00')",
        "INSERT INTO customers (id, name, tier, updated_at) SELECT i, 'customer ' || i, CASE WHEN i % 3 = 0 THEN NULL"
            + " ELSE 'basic' END, timestamptz '2024-01-01 00:00:00+00' + i * interval '1 minute' FROM generate_series(1, 40) i",
        "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int NOT NULL, amount numeric(12,2) NOT NULL, note text)",
        "ALTER TABLE orders REPLICA IDENTITY FULL",
        "INSERT INTO orders SELECT i, i % 40 + 1, (i * 3.7)::numeric(12,2), CASE WHEN i % 4 = 0 THEN NULL ELSE 'order ' || i END"
            + " FROM generate_series(1, 120) i",
        "CREATE PUBLICATION " + source.publication + " FOR TABLE customers, orders",
        "SELECT pg_create_logical_replication_slot('" + source.slot + "', 'pgoutput')",
        "INSERT INTO customers (id, name) SELECT i, 'after the slot ' || i FROM generate_series(41, 45) i",
        "INSERT INTO orders SELECT i, 41, 1.50, 'after the slot' FROM generate_series(121, 130) i");
    return source;
  }

  PostgresTestDatabase db() {
    return db;
  }

  String slot() {
    return slot;
  }

  String publication() {
    return publication;
  }

  /** The source's configuration for the public API: source-postgres reading by CDC from the slot and publication. */
  String sourceConfiguration() {
    return "{\"sourceType\":\"postgres\"," + RunningPlatform.postgresFields(db) + ",\"schemas\":[\"public\"],"
        + "\"replication_method\":{\"method\":\"CDC\",\"plugin\":\"pgoutput\",\"replication_slot\":\"" + slot
        + "\",\"publication\":\"" + publication + "\"}}";
  }

  /** The slot's {@code confirmed_flush_lsn} from {@code pg_replication_slots}, as a number. */
  long confirmedFlushLsn() throws SQLException {
    try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
        "SELECT (confirmed_flush_lsn - '0/0'::pg_lsn)::bigint FROM pg_replication_slots WHERE slot_name = ?")) {
      ps.setString(1, slot);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new AssertionError("no replication slot " + slot);
        }
        return rs.getLong(1);
      }
    }
  }

  /** Every row of {@code customers} or {@code orders} in the source, in id order, in the canonical text form. */
  List<String> rows(String table) throws SQLException {
    return rows(db, "public." + table, table);
  }

  /** The rows of the destination's copy {@code qualifiedTable} of the source's {@code table}, as {@link #rows(String)} gives them. */
  static List<String> rows(PostgresTestDatabase database, String qualifiedTable, String table) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = database.connection(); ResultSet rs = c.createStatement().executeQuery(
        "SELECT " + CANONICAL.get(table) + " FROM " + qualifiedTable + " ORDER BY id")) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  /** Drops the slot (a slot left behind keeps WAL on the shared server). */
  void dropSlot() {
    db.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '" + slot + "'");
  }
}
