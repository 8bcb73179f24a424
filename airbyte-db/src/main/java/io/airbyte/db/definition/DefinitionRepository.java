package io.airbyte.db.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.db.JsonColumns;
import io.airbyte.db.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Connector definitions and their versions. */
public final class DefinitionRepository {

  private static final String SELECT = "SELECT d.id, d.actor_type, d.name, d.docker_repository, d.documentation_url, "
      + "d.built_in, d.workspace_id, v.id AS version_id, v.docker_image_tag, v.spec, v.protocol_version "
      + "FROM actor_definition d JOIN actor_definition_version v ON v.id = d.default_version_id ";
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  public DefinitionRepository(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
    this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  /**
   * Registers a built-in definition under its fixed id, or brings it to {@code tag}: idempotent,
   * run at every start. A new tag adds a version and makes it the default; the same tag updates the
   * stored spec.
   */
  public ActorDefinition registerBuiltIn(UUID id, ActorType type, String name, String repository, String tag,
      String documentationUrl, JsonNode spec, String protocolVersion) {
    return tx.execute(status -> {
      jdbc.sql("INSERT INTO actor_definition (id, actor_type, name, docker_repository, documentation_url, built_in) "
              + "VALUES (:id, :type, :name, :repo, :doc, true) "
              + "ON CONFLICT (id) DO UPDATE SET name = excluded.name, documentation_url = excluded.documentation_url, "
              + "updated_at = now()")
          .param("id", id).param("type", type.value()).param("name", name).param("repo", repository)
          .param("doc", documentationUrl).update();
      UUID versionId = upsertVersion(id, repository, tag, spec, protocolVersion);
      jdbc.sql("UPDATE actor_definition SET default_version_id = :v WHERE id = :id").param("v", versionId).param("id", id)
          .update();
      return get(id);
    });
  }

  /** A custom definition of a workspace (any image that speaks the protocol). */
  public ActorDefinition createCustom(UUID workspaceId, ActorType type, String name, String repository, String tag,
      String documentationUrl, JsonNode spec, String protocolVersion) {
    UUID id = UUID.randomUUID();
    return tx.execute(status -> {
      jdbc.sql("INSERT INTO actor_definition (id, actor_type, name, docker_repository, documentation_url, workspace_id) "
              + "VALUES (:id, :type, :name, :repo, :doc, :ws)")
          .param("id", id).param("type", type.value()).param("name", name).param("repo", repository)
          .param("doc", documentationUrl).param("ws", workspaceId).update();
      UUID versionId = upsertVersion(id, repository, tag, spec, protocolVersion);
      jdbc.sql("UPDATE actor_definition SET default_version_id = :v WHERE id = :id").param("v", versionId).param("id", id)
          .update();
      return get(id);
    });
  }

  /** Moves a definition to another tag (its spec may differ); adds the version if new. */
  public ActorDefinition updateVersion(UUID id, String tag, JsonNode spec, String protocolVersion) {
    ActorDefinition current = get(id);
    return tx.execute(status -> {
      UUID versionId = upsertVersion(id, current.dockerRepository(), tag, spec, protocolVersion);
      jdbc.sql("UPDATE actor_definition SET default_version_id = :v, updated_at = now() WHERE id = :id")
          .param("v", versionId).param("id", id).update();
      return get(id);
    });
  }

  private UUID upsertVersion(UUID definitionId, String repository, String tag, JsonNode spec, String protocolVersion) {
    return jdbc.sql("INSERT INTO actor_definition_version (id, actor_definition_id, docker_repository, docker_image_tag, "
            + "spec, protocol_version) VALUES (:id, :def, :repo, :tag, CAST(:spec AS jsonb), :proto) "
            + "ON CONFLICT (actor_definition_id, docker_image_tag) DO UPDATE SET spec = excluded.spec, "
            + "protocol_version = excluded.protocol_version RETURNING id")
        .param("id", UUID.randomUUID()).param("def", definitionId).param("repo", repository).param("tag", tag)
        .param("spec", JsonColumns.json(spec)).param("proto", protocolVersion)
        .query(UUID.class).single();
  }

  public Optional<ActorDefinition> find(UUID id) {
    return jdbc.sql(SELECT + "WHERE d.id = :id AND NOT d.tombstone").param("id", id).query(DefinitionRepository::map)
        .optional();
  }

  public ActorDefinition get(UUID id) {
    return find(id).orElseThrow(() -> new NotFoundException("definition", id));
  }

  /** Built-in definitions of {@code type} and the custom ones of {@code workspaceId} (null: built-in only). */
  public List<ActorDefinition> list(ActorType type, UUID workspaceId) {
    return jdbc.sql(SELECT + "WHERE d.actor_type = :type AND NOT d.tombstone AND (d.built_in OR d.workspace_id = :ws) "
            + "ORDER BY d.name, d.id")
        .param("type", type.value()).param("ws", workspaceId).query(DefinitionRepository::map).list();
  }

  /** The built-in or workspace definition whose image repository is {@code repository}. */
  public Optional<ActorDefinition> findByRepository(ActorType type, String repository, UUID workspaceId) {
    return list(type, workspaceId).stream().filter(d -> d.dockerRepository().equals(repository)).findFirst();
  }

  public void delete(UUID id) {
    if (jdbc.sql("UPDATE actor_definition SET tombstone = true, updated_at = now() WHERE id = :id AND NOT built_in "
        + "AND NOT tombstone").param("id", id).update() == 0) {
      throw new NotFoundException("custom definition", id);
    }
  }

  private static ActorDefinition map(ResultSet rs, int row) throws SQLException {
    return new ActorDefinition(rs.getObject("id", UUID.class), ActorType.of(rs.getString("actor_type")), rs.getString("name"),
        rs.getString("docker_repository"), rs.getString("docker_image_tag"), rs.getString("documentation_url"),
        rs.getBoolean("built_in"), rs.getObject("workspace_id", UUID.class), rs.getObject("version_id", UUID.class),
        JsonColumns.tree(rs, "spec"), rs.getString("protocol_version"));
  }
}
