package io.airbyte.connectors.destination.postgres;

import static io.airbyte.protocol.testing.Messages.catalog;
import static io.airbyte.protocol.testing.Messages.stream;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connector.kit.testing.DestinationRun;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.testing.Messages;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform goes away in the middle of a write (its JVM killed): the destination's stdout breaks
 * while a COPY is in flight. The destination must end, with its transaction rolled back, and not
 * live on holding its connection and its locks on the table (what a rollback waiting for the COPY
 * did: it waited forever).
 */
@ExtendWith(PostgresExtension.class)
class PostgresDestinationBrokenOutputIT {

  private static final String ROWS = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},\"p\":{\"type\":\"string\"}}}";

  private final PostgresTestDatabase db;
  @TempDir
  Path dir;

  PostgresDestinationBrokenOutputIT(PostgresTestDatabase db) {
    this.db = db;
  }

  @Test
  @Timeout(60)
  void endsAndRollsBackWhenItsOutputBreaksDuringACopy() throws Exception {
    ObjectNode config = Jsons.object().put("host", db.host()).put("port", db.port()).put("database", db.databaseName())
        .put("schema", "broken").put("username", db.username()).put("password", db.password());
    Messages input = new Messages().status(null, "t", "STARTED");
    for (int i = 0; i < 2_000; i++) {
      input.record(null, "t", "{\"id\":" + i + ",\"p\":\"row " + i + "\"}");
    }
    // the platform died in the middle of a line: the destination warns about it, on a stdout that is gone
    input.line("{\"type\":\"RECORD\",\"record\":{\"stream\":\"t\",\"data\":{\"id\":");

    DestinationRun run = DestinationRun.write(new PostgresDestination(), dir, config,
        catalog(stream(null, "t", ROWS, DestinationSyncMode.APPEND, null, null, 1, 0)), input.toString(), line -> {
          throw new UncheckedIOException(new java.io.IOException("Broken pipe"));
        });

    assertThat(run.exitCode).isNotZero();
    try (var c = db.connection(); var st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM broken.t")) {
        rs.next();
        assertThat(rs.getLong(1)).as("rows of the rolled back write").isZero();
      }
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
          + " AND pid <> pg_backend_pid() AND state <> 'idle'")) {
        rs.next();
        assertThat(rs.getLong(1)).as("sessions still in a transaction or a COPY").isZero();
      }
    }
  }
}
