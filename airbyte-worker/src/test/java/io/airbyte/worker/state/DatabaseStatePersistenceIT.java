package io.airbyte.worker.state;

import static io.airbyte.worker.state.ConnectionStateTest.global;
import static io.airbyte.worker.state.ConnectionStateTest.stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.db.MetadataDatabase;
import io.airbyte.db.state.StateRepository;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The database persistence: what a source is handed back after each commit, read from PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class DatabaseStatePersistenceIT {

  @Test
  void keepsTheLatestStateOfEachStreamOrTheLatestGlobalWithoutStats(PostgresTestDatabase db) {
    MetadataDatabase.migrate(db.dataSource());
    String connection = UUID.randomUUID().toString();
    insertConnection(db, connection);
    StateRepository repository = new StateRepository(db.dataSource());
    DatabaseStatePersistence database = new DatabaseStatePersistence(repository);

    String users1 = streamJson("users", "1");
    String orders1 = streamJson("orders", "1");
    String users2 = streamJson("users", "2");
    String users3 = streamJson("users", "3");
    String orders5 = streamJson("orders", "5");
    String global5 = "{\"type\":\"GLOBAL\",\"global\":{\"shared_state\":{\"lsn\":5},\"stream_states\":["
        + "{\"stream_descriptor\":{\"namespace\":\"public\",\"name\":\"users\"},\"stream_state\":{}}]}}";
    // each commit, and the state read back after it: sorted by stream, sourceStats gone
    List<Map.Entry<List<AirbyteStateMessage>, String>> steps = List.of(
        Map.entry(List.of(stream("users", 1), stream("orders", 1)), "[" + orders1 + "," + users1 + "]"),
        Map.entry(List.of(stream("users", 2)), "[" + orders1 + "," + users2 + "]"),
        // a GLOBAL state replaces the stream states
        Map.entry(List.of(global("5", "users")), "[" + global5 + "]"),
        // and a STREAM state replaces the GLOBAL one
        Map.entry(List.of(stream("users", 3)), "[" + users3 + "]"),
        Map.entry(List.of(stream("orders", 4), stream("orders", 5)), "[" + orders5 + "," + users3 + "]"));
    for (Map.Entry<List<AirbyteStateMessage>, String> step : steps) {
      database.commit(connection, step.getKey());
      // read back through a new persistence over the same database: nothing is kept in memory
      ConnectionState readBack = new DatabaseStatePersistence(repository).current(connection);
      assertThat(Jsons.toTree(readBack.messages())).as("after committing %s", step.getKey())
          .isEqualTo(Jsons.deserialize(step.getValue()));
    }
    database.replace(connection, ConnectionState.empty());
    assertThat(new DatabaseStatePersistence(repository).current(connection).messages()).isEmpty();
  }

  private static String streamJson(String name, String cursor) {
    return "{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"namespace\":\"public\",\"name\":\"" + name
        + "\"},\"stream_state\":{\"cursor\":" + cursor + "}}}";
  }

  static void insertConnection(PostgresTestDatabase db, String connectionId) {
    db.execute("INSERT INTO workspace (id, name) VALUES ('00000000-0000-0000-0000-000000000001', 'w') ON CONFLICT DO NOTHING",
        "INSERT INTO actor_definition (id, actor_type, name) VALUES "
            + "('00000000-0000-0000-0000-000000000002', 'source', 'x') ON CONFLICT DO NOTHING",
        "INSERT INTO actor (id, workspace_id, actor_definition_id, actor_type, name, configuration) VALUES "
            + "('00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000001', "
            + "'00000000-0000-0000-0000-000000000002', 'source', 's', '{}') ON CONFLICT DO NOTHING",
        "INSERT INTO connection (id, source_id, destination_id, name, catalog) VALUES ('" + connectionId + "', "
            + "'00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000003', 'c', '{\"streams\":[]}')");
  }
}
