package io.airbyte.db.state;

import io.airbyte.protocol.models.StreamDescriptor;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The generation of each stream's data in the destination. A stream starts at generation 0;
 * refresh and clear start a new generation, so the destination can tell the new rows from the old.
 */
public final class StreamGenerationRepository {

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  public StreamGenerationRepository(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
    this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  /** The current generation of each stream that has one (streams without one are at 0). */
  public Map<StreamDescriptor, Long> current(UUID connectionId) {
    Map<StreamDescriptor, Long> generations = new HashMap<>();
    jdbc.sql("SELECT stream_namespace, stream_name, max(generation_id) AS g FROM stream_generation WHERE connection_id = :c "
            + "GROUP BY stream_namespace, stream_name").param("c", connectionId)
        .query(rs -> {
          String ns = rs.getString("stream_namespace");
          generations.put(new StreamDescriptor().withNamespace(ns.isEmpty() ? null : ns).withName(rs.getString("stream_name")),
              rs.getLong("g"));
        });
    return generations;
  }

  /** Starts a new generation of each stream for job {@code jobId}; idempotent for that job. */
  public Map<StreamDescriptor, Long> bump(UUID connectionId, Collection<StreamDescriptor> streams, long jobId) {
    return tx.execute(status -> {
      for (StreamDescriptor d : streams) {
        String ns = d.getNamespace() == null ? "" : d.getNamespace();
        Long already = jdbc.sql("SELECT generation_id FROM stream_generation WHERE connection_id = :c AND stream_namespace = :ns "
                + "AND stream_name = :n AND start_job_id = :j").param("c", connectionId).param("ns", ns).param("n", d.getName())
            .param("j", jobId).query(Long.class).optional().orElse(null);
        if (already == null) {
          jdbc.sql("INSERT INTO stream_generation (connection_id, stream_namespace, stream_name, generation_id, start_job_id) "
                  + "SELECT :c, :ns, :n, coalesce(max(generation_id), 0) + 1, :j FROM stream_generation "
                  + "WHERE connection_id = :c AND stream_namespace = :ns AND stream_name = :n")
              .param("c", connectionId).param("ns", ns).param("n", d.getName()).param("j", jobId).update();
        }
      }
      return current(connectionId);
    });
  }
}
