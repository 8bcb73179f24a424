package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The worker and scheduler of the standalone platform reuse their metadata sessions instead of opening one per call. */
@Timeout(300)
class MetadataPoolIT {

  @TempDir
  Path home;

  @Test
  void successiveCallsReuseSessionsAndEverySyncCanHoldOneAtOnce() throws Exception {
    try (EmbeddedMetadataDatabase database = EmbeddedMetadataDatabase.start(home);
        HikariDataSource pool = MetadataPool.create(database.jdbcUrl(), 20)) {
      long sessionsBefore = sessions(pool);
      Set<Integer> backends = new HashSet<>();
      for (int i = 0; i < 50; i++) {
        try (Connection c = pool.getConnection()) {
          backends.add(backend(c));
        }
      }
      // one caller at a time: the same session every time, and no new session opened for the 50 calls
      assertThat(backends).hasSize(1);
      assertThat(sessions(pool) - sessionsBefore).as("sessions opened by 50 successive calls").isLessThanOrEqualTo(1);

      // 20 syncs and the scheduler holding sessions at once: none waits for another to give one back
      List<Connection> held = new ArrayList<>();
      try {
        for (int i = 0; i < 24; i++) {
          held.add(pool.getConnection());
        }
        Set<Integer> heldBackends = new HashSet<>();
        for (Connection c : held) {
          heldBackends.add(backend(c));
        }
        assertThat(heldBackends).hasSize(24);
      } finally {
        for (Connection c : held) {
          c.close();
        }
      }
    }
  }

  @Test
  void thePoolIsNeverSmallerThanTheServersAndGrowsWithTheSyncsAWorkerRuns() {
    assertThat(MetadataPool.size(1)).isEqualTo(10);
    assertThat(MetadataPool.size(4)).isEqualTo(10);
    assertThat(MetadataPool.size(20)).isEqualTo(24);
  }

  private static int backend(Connection c) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Sessions the database has seen established since it started (PostgreSQL's own count). */
  private static long sessions(HikariDataSource pool) throws Exception {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT sessions FROM pg_stat_database WHERE datname = current_database()")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
