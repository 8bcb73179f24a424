package io.airbyte.worker.state;

import static io.airbyte.worker.state.ConnectionStateTest.global;
import static io.airbyte.worker.state.ConnectionStateTest.stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.db.MetadataDatabase;
import io.airbyte.db.state.StateRepository;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The database persistence behaves as the in-memory one, which defines the semantics. */
@ExtendWith(PostgresExtension.class)
class DatabaseStatePersistenceIT {

  @Test
  void sameSemanticsAsInMemory(PostgresTestDatabase db) {
    MetadataDatabase.migrate(db.dataSource());
    String connection = UUID.randomUUID().toString();
    insertConnection(db, connection);
    DatabaseStatePersistence database = new DatabaseStatePersistence(new StateRepository(db.dataSource()));
    InMemoryStatePersistence memory = new InMemoryStatePersistence();

    List<List<AirbyteStateMessage>> commits = List.of(
        List.of(stream("users", 1), stream("orders", 1)),
        List.of(stream("users", 2)),
        List.of(global("5", "users")),
        List.of(stream("users", 3)),
        List.of(stream("orders", 4), stream("orders", 5)));
    for (List<AirbyteStateMessage> commit : commits) {
      database.commit(connection, commit);
      memory.commit(connection, commit);
      assertThat(database.current(connection)).isEqualTo(memory.current(connection));
    }
    assertThat(database.current(connection).messages()).hasSize(2);
    database.replace(connection, ConnectionState.empty());
    assertThat(database.current(connection).isEmpty()).isTrue();
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
