package io.airbyte.db.actor;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.db.JsonColumns;
import io.airbyte.db.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sources and destinations. */
public final class ActorRepository {

  private static final String COLUMNS = "id, workspace_id, actor_definition_id, actor_type, name, configuration, tombstone, "
      + "created_at";
  private final JdbcClient jdbc;

  public ActorRepository(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  public Actor create(UUID workspaceId, UUID definitionId, ActorType type, String name, JsonNode storedConfiguration) {
    UUID id = UUID.randomUUID();
    jdbc.sql("INSERT INTO actor (id, workspace_id, actor_definition_id, actor_type, name, configuration) "
            + "VALUES (:id, :ws, :def, :type, :name, CAST(:config AS jsonb))")
        .param("id", id).param("ws", workspaceId).param("def", definitionId).param("type", type.value()).param("name", name)
        .param("config", JsonColumns.json(storedConfiguration)).update();
    return get(type, id);
  }

  public Optional<Actor> find(ActorType type, UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM actor WHERE id = :id AND actor_type = :type AND NOT tombstone")
        .param("id", id).param("type", type.value()).query(ActorRepository::map).optional();
  }

  /** The workspace of each live actor of {@code type} among {@code ids}, in one query (a page of connections names theirs). */
  public Map<UUID, UUID> workspaceIds(ActorType type, Collection<UUID> ids) {
    Map<UUID, UUID> workspaces = new HashMap<>();
    if (ids.isEmpty()) {
      return workspaces;
    }
    jdbc.sql("SELECT id, workspace_id FROM actor WHERE id = ANY(:ids) AND actor_type = :type AND NOT tombstone")
        .param("ids", ids.toArray(new UUID[0])).param("type", type.value())
        .query(rs -> {
          workspaces.put(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class));
        });
    return workspaces;
  }

  public Actor get(ActorType type, UUID id) {
    return find(type, id).orElseThrow(() -> new NotFoundException(type.value(), id));
  }

  /** Actors of {@code type} in {@code workspaceIds} (all workspaces when empty), oldest first. */
  public List<Actor> list(ActorType type, Collection<UUID> workspaceIds, boolean includeDeleted, int limit, int offset) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM actor WHERE actor_type = :type AND (:all OR NOT tombstone) "
            + "AND (:anyWorkspace OR workspace_id = ANY(:ws)) ORDER BY created_at, id LIMIT :limit OFFSET :offset")
        .param("type", type.value()).param("all", includeDeleted).param("anyWorkspace", workspaceIds.isEmpty())
        .param("ws", workspaceIds.toArray(new UUID[0])).param("limit", limit).param("offset", offset)
        .query(ActorRepository::map).list();
  }

  public Actor update(ActorType type, UUID id, String name, JsonNode storedConfiguration) {
    int n = jdbc.sql("UPDATE actor SET name = :name, configuration = CAST(:config AS jsonb), updated_at = now() "
            + "WHERE id = :id AND actor_type = :type AND NOT tombstone")
        .param("id", id).param("type", type.value()).param("name", name)
        .param("config", JsonColumns.json(storedConfiguration)).update();
    if (n == 0) {
      throw new NotFoundException(type.value(), id);
    }
    return get(type, id);
  }

  public void delete(ActorType type, UUID id) {
    if (jdbc.sql("UPDATE actor SET tombstone = true, updated_at = now() WHERE id = :id AND actor_type = :type AND NOT tombstone")
        .param("id", id).param("type", type.value()).update() == 0) {
      throw new NotFoundException(type.value(), id);
    }
  }

  private static Actor map(ResultSet rs, int row) throws SQLException {
    return new Actor(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class),
        rs.getObject("actor_definition_id", UUID.class), ActorType.of(rs.getString("actor_type")), rs.getString("name"),
        JsonColumns.tree(rs, "configuration"), rs.getBoolean("tombstone"), JsonColumns.instant(rs, "created_at"));
  }
}
