package io.airbyte.db.connection;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connection.NamespaceDefinition;
import io.airbyte.contract.schedule.InvalidScheduleException;
import io.airbyte.contract.schedule.Schedule;
import io.airbyte.db.JsonColumns;
import io.airbyte.db.NotFoundException;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Connections; a deleted connection is kept with status {@code deprecated}, as Airbyte does. */
public final class ConnectionRepository {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionRepository.class);

  private static final String COLUMNS = "c.id, c.source_id, c.destination_id, c.name, c.catalog, c.namespace_definition, "
      + "c.namespace_format, c.prefix, c.schedule_type, c.schedule_data, c.non_breaking_change_preference, c.status, "
      + "c.status_reason, c.created_at, c.updated_at";
  private final JdbcClient jdbc;

  public ConnectionRepository(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  public Connection create(Connection c) {
    UUID id = c.id() == null ? UUID.randomUUID() : c.id();
    jdbc.sql("INSERT INTO connection (id, source_id, destination_id, name, catalog, namespace_definition, namespace_format, "
            + "prefix, schedule_type, schedule_data, non_breaking_change_preference, status) VALUES (:id, :src, :dst, :name, "
            + "CAST(:catalog AS jsonb), :nsdef, :nsfmt, :prefix, :stype, CAST(:sdata AS jsonb), :nbc, :status)")
        .param("id", id).param("src", c.sourceId()).param("dst", c.destinationId()).param("name", c.name())
        .param("catalog", JsonColumns.json(c.catalog())).param("nsdef", c.namespaceDefinition().value())
        .param("nsfmt", c.namespaceFormat()).param("prefix", c.prefix() == null ? "" : c.prefix())
        .param("stype", c.schedule().type()).param("sdata", JsonColumns.json(ScheduleColumns.data(c.schedule())))
        .param("nbc", c.nonBreakingChangePreference()).param("status", c.status()).update();
    return get(id);
  }

  public Connection update(Connection c) {
    int n = jdbc.sql("UPDATE connection SET name = :name, catalog = CAST(:catalog AS jsonb), namespace_definition = :nsdef, "
            + "namespace_format = :nsfmt, prefix = :prefix, schedule_type = :stype, schedule_data = CAST(:sdata AS jsonb), "
            + "non_breaking_change_preference = :nbc, status = :status, status_reason = :reason, updated_at = now() "
            + "WHERE id = :id AND status <> 'deprecated'")
        .param("id", c.id()).param("name", c.name()).param("catalog", JsonColumns.json(c.catalog()))
        .param("nsdef", c.namespaceDefinition().value()).param("nsfmt", c.namespaceFormat())
        .param("prefix", c.prefix() == null ? "" : c.prefix()).param("stype", c.schedule().type())
        .param("sdata", JsonColumns.json(ScheduleColumns.data(c.schedule()))).param("nbc", c.nonBreakingChangePreference())
        .param("status", c.status()).param("reason", c.statusReason()).update();
    if (n == 0) {
      throw new NotFoundException("connection", c.id());
    }
    return get(c.id());
  }

  public void setStatus(UUID id, String status, String reason) {
    jdbc.sql("UPDATE connection SET status = :status, status_reason = :reason, updated_at = now() WHERE id = :id")
        .param("id", id).param("status", status).param("reason", reason).update();
  }

  /** Any connection, deleted ones too (jobs and workflows still refer to them). */
  public Optional<Connection> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM connection c WHERE c.id = :id").param("id", id)
        .query(ConnectionRepository::map).optional();
  }

  public Connection get(UUID id) {
    return find(id).filter(c -> !"deprecated".equals(c.status())).orElseThrow(() -> new NotFoundException("connection", id));
  }

  /** Connections of workspaces (all when empty), through their source's workspace. */
  public List<Connection> list(Collection<UUID> workspaceIds, boolean includeDeleted, int limit, int offset) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM connection c JOIN actor s ON s.id = c.source_id "
            + "WHERE (:all OR c.status <> 'deprecated') AND (:anyWorkspace OR s.workspace_id = ANY(:ws)) "
            + "ORDER BY c.created_at, c.id LIMIT :limit OFFSET :offset")
        .param("all", includeDeleted).param("anyWorkspace", workspaceIds.isEmpty())
        .param("ws", workspaceIds.toArray(new UUID[0])).param("limit", limit).param("offset", offset)
        .query(ConnectionRepository::map).list();
  }

  /** Connections that use an actor (to refuse deleting it, or to delete them with it). */
  public List<Connection> usingActor(UUID actorId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM connection c WHERE (c.source_id = :id OR c.destination_id = :id) "
            + "AND c.status <> 'deprecated' ORDER BY c.created_at").param("id", actorId).query(ConnectionRepository::map).list();
  }

  /** Ids of every connection that should have a workflow: all but the deleted ones. */
  public List<UUID> liveIds() {
    return jdbc.sql("SELECT id FROM connection WHERE status <> 'deprecated' ORDER BY created_at").query(UUID.class).list();
  }

  private static Connection map(ResultSet rs, int row) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    return new Connection(id, rs.getObject("source_id", UUID.class),
        rs.getObject("destination_id", UUID.class), rs.getString("name"),
        JsonColumns.read(rs, "catalog", ConfiguredAirbyteCatalog.class),
        NamespaceDefinition.of(rs.getString("namespace_definition")), rs.getString("namespace_format"), rs.getString("prefix"),
        schedule(id, rs.getString("schedule_type"), JsonColumns.tree(rs, "schedule_data")),
        rs.getString("non_breaking_change_preference"), rs.getString("status"), rs.getString("status_reason"),
        JsonColumns.instant(rs, "created_at"), JsonColumns.instant(rs, "updated_at"));
  }

  /**
   * A stored schedule the platform does not run (a row written before the API refused it, or by
   * hand) reads as manual, with an error in the log: no scheduled runs, never a failing read.
   */
  private static Schedule schedule(UUID connectionId, String type, JsonNode data) {
    try {
      return ScheduleColumns.read(type, data);
    } catch (InvalidScheduleException e) {
      LOG.error("Connection {}: its stored {} schedule {} is not one the platform runs ({}); it gets no scheduled runs "
          + "until its schedule is updated", connectionId, type, data, e.getMessage());
      return Schedule.manual();
    }
  }
}
