package io.airbyte.db.state;

import io.airbyte.db.JsonColumns;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.AirbyteStateType;
import io.airbyte.protocol.models.StreamDescriptor;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A connection's committed state: one row per stream for STREAM state, one row for GLOBAL or
 * LEGACY state. The rows hold the state messages as the source reads them back.
 */
public final class StateRepository {

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  public StateRepository(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
    this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  public List<AirbyteStateMessage> read(UUID connectionId) {
    return jdbc.sql("SELECT state FROM state WHERE connection_id = :c ORDER BY stream_namespace, stream_name")
        .param("c", connectionId).query((rs, row) -> JsonColumns.read(rs, "state", AirbyteStateMessage.class)).list();
  }

  /** Writes one stream's state, keeping the other streams' (the state must be of type STREAM). */
  public void upsertStream(UUID connectionId, AirbyteStateMessage state) {
    StreamDescriptor d = state.getStream().getStreamDescriptor();
    tx.executeWithoutResult(status -> {
      jdbc.sql("DELETE FROM state WHERE connection_id = :c AND state_type <> 'STREAM'").param("c", connectionId).update();
      jdbc.sql("INSERT INTO state (connection_id, state_type, stream_namespace, stream_name, state) VALUES (:c, 'STREAM', :ns, "
              + ":n, CAST(:s AS jsonb)) ON CONFLICT (connection_id, stream_namespace, stream_name) DO UPDATE SET "
              + "state = excluded.state, state_type = excluded.state_type, updated_at = now()")
          .param("c", connectionId).param("ns", d.getNamespace() == null ? "" : d.getNamespace()).param("n", d.getName())
          .param("s", JsonColumns.json(state)).update();
    });
  }

  /** Replaces the whole state of the connection, in one transaction. */
  public void replace(UUID connectionId, Collection<AirbyteStateMessage> states) {
    tx.executeWithoutResult(status -> {
      jdbc.sql("DELETE FROM state WHERE connection_id = :c").param("c", connectionId).update();
      for (AirbyteStateMessage state : states) {
        AirbyteStateType type = state.getType() == null ? AirbyteStateType.LEGACY : state.getType();
        StreamDescriptor d = type == AirbyteStateType.STREAM ? state.getStream().getStreamDescriptor() : null;
        jdbc.sql("INSERT INTO state (connection_id, state_type, stream_namespace, stream_name, state) "
                + "VALUES (:c, :t, :ns, :n, CAST(:s AS jsonb))")
            .param("c", connectionId).param("t", type.name())
            .param("ns", d == null || d.getNamespace() == null ? "" : d.getNamespace())
            .param("n", d == null ? "" : d.getName()).param("s", JsonColumns.json(state)).update();
      }
    });
  }
}
