package io.airbyte.connectors.destination.snowflake;

import static io.airbyte.protocol.testing.Messages.catalog;
import static io.airbyte.protocol.testing.Messages.stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.connector.kit.testing.DestinationRun;
import io.airbyte.protocol.models.AirbyteMessage;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.testing.Messages;
import java.nio.file.Path;
import java.util.List;
import io.airbyte.connector.kit.sql.SqlTables;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retention_period_days} becomes DATA_RETENTION_TIME_IN_DAYS of the tables a write creates, as in
 * Airbyte's destination-snowflake (1 when the config does not set it). Not verifiable on the emulator:
 * the retention a table then has. fakesnow accepts the clause and drops it (SHOW TABLES and
 * information_schema.tables report a retention of 1 for every table), so this test checks the statement
 * the connector ran, and that the emulator took it.
 */
class SnowflakeRetentionIT {

  private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}";

  @TempDir
  Path dir;

  /** The kit's log of the tables it creates (in a connector process, LOG messages; here, in-process, the JUL record). */
  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logged.add(record.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private final Logger tablesLog = Logger.getLogger(SqlTables.class.getName());

  @BeforeEach
  void listen() {
    tablesLog.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    tablesLog.removeHandler(capture);
  }

  private List<String> createStatements() {
    List<String> statements = logged.stream().filter(m -> m.startsWith("creating table")).toList();
    logged.clear();
    return statements;
  }

  @Test
  void theTablesAWriteCreatesHaveTheConfiguredRetentionAndOneDayWhenItIsNotSet() throws Exception {
    Fakesnow fakesnow = new Fakesnow();
    var catalog = catalog(stream(null, "kept", SCHEMA, DestinationSyncMode.APPEND, null, null, 1, 0));
    String input = new Messages().record(null, "kept", "{\"id\":1}").state(null, "kept", "{}")
        .status(null, "kept", "COMPLETE").toString();

    DestinationRun seven = DestinationRun.write(new SnowflakeDestination(), dir, fakesnow.config().put("retention_period_days", 7),
        catalog, input);
    assertThat(seven.exitCode).as(seven.errorMessage()).isZero();
    assertThat(createStatements()).singleElement().asString()
        .contains("CREATE TABLE \"AIRBYTE_SCHEMA\".\"KEPT\" (").endsWith(") DATA_RETENTION_TIME_IN_DAYS = 7");
    assertThat(fakesnow.number("SELECT count(*) FROM AIRBYTE_SCHEMA.KEPT")).isEqualTo(1);

    var other = catalog(stream(null, "unset", SCHEMA, DestinationSyncMode.APPEND, null, null, 1, 0));
    DestinationRun unset = DestinationRun.write(new SnowflakeDestination(), dir, fakesnow.config().without("retention_period_days"),
        other, input.replace("\"kept\"", "\"unset\""));
    assertThat(unset.exitCode).as(unset.errorMessage()).isZero();
    assertThat(createStatements()).singleElement().asString().endsWith(") DATA_RETENTION_TIME_IN_DAYS = 1");
  }

  @Test
  void aRetentionSnowflakeDoesNotAllowIsAConfigErrorBeforeAnythingRuns() throws Exception {
    Fakesnow fakesnow = new Fakesnow();
    var catalog = catalog(stream(null, "never", SCHEMA, DestinationSyncMode.APPEND, null, null, 1, 0));
    for (int days : new int[] {-1, 91}) {
      DestinationRun run = DestinationRun.write(new SnowflakeDestination(), dir,
          fakesnow.config().put("retention_period_days", days), catalog, "");
      assertThat(run.exitCode).isEqualTo(1);
      assertThat(run.ofType(AirbyteMessage.Type.TRACE)).singleElement()
          .satisfies(t -> assertThat(t.at("/trace/error/failure_type").asText()).isEqualTo("config_error"))
          .satisfies(t -> assertThat(t.at("/trace/error/message").asText()).contains("retention_period_days"));
    }
    assertThat(fakesnow.number("SELECT count(*) FROM information_schema.tables WHERE table_name = 'NEVER'")).isZero();
  }
}
