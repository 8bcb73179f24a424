package io.airbyte.db.definition;

import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.connector.ConnectorDefinition;
import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.db.JsonColumns;
import io.airbyte.db.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Connector definitions and their versions; a version holds the spec and the runtime. */
public final class DefinitionRepository {

  private static final String SELECT = "SELECT d.id, d.actor_type, d.name, d.documentation_url, d.built_in, d.workspace_id, "
      + "v.id AS version_id, v.version, v.runtime, v.spec, v.protocol_version "
      + "FROM actor_definition d JOIN actor_definition_version v ON v.id = d.default_version_id ";
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  public DefinitionRepository(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
    this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  /**
   * Registers a built-in definition under its fixed id, or brings it to its {@code version}:
   * idempotent, run at every start. A new version is added and made the default; the same version
   * updates the stored spec and runtime.
   */
  public ConnectorDefinition registerBuiltIn(ConnectorDefinition definition) {
    Objects.requireNonNull(definition.id(), "id");
    if (!definition.builtIn() || definition.workspaceId() != null) {
      throw new IllegalArgumentException("a built-in definition is built in and of no workspace: " + definition.name());
    }
    return tx.execute(status -> {
      jdbc.sql("INSERT INTO actor_definition (id, actor_type, name, documentation_url, built_in) "
              + "VALUES (:id, :type, :name, :doc, true) "
              + "ON CONFLICT (id) DO UPDATE SET name = excluded.name, documentation_url = excluded.documentation_url, "
              + "updated_at = now()")
          .param("id", definition.id()).param("type", definition.type().value()).param("name", definition.name())
          .param("doc", definition.documentationUrl()).update();
      makeDefault(definition.id(), upsertVersion(definition));
      return get(definition.id());
    });
  }

  /** A custom definition of a workspace (any image that speaks the protocol), under the id it comes with. */
  public ConnectorDefinition createCustom(ConnectorDefinition definition) {
    Objects.requireNonNull(definition.id(), "id");
    if (definition.builtIn() || definition.workspaceId() == null) {
      throw new IllegalArgumentException("a custom definition is not built in and of a workspace: " + definition.name());
    }
    return tx.execute(status -> {
      jdbc.sql("INSERT INTO actor_definition (id, actor_type, name, documentation_url, workspace_id) "
              + "VALUES (:id, :type, :name, :doc, :ws)")
          .param("id", definition.id()).param("type", definition.type().value()).param("name", definition.name())
          .param("doc", definition.documentationUrl()).param("ws", definition.workspaceId()).update();
      makeDefault(definition.id(), upsertVersion(definition));
      return get(definition.id());
    });
  }

  /**
   * A new version of a stored custom definition (a declarative manifest edited), made its default:
   * the name and documentation follow the new version.
   */
  public ConnectorDefinition addCustomVersion(ConnectorDefinition definition) {
    Objects.requireNonNull(definition.id(), "id");
    return tx.execute(status -> {
      if (jdbc.sql("UPDATE actor_definition SET name = :name, documentation_url = :doc, updated_at = now() "
              + "WHERE id = :id AND NOT built_in AND NOT tombstone")
          .param("id", definition.id()).param("name", definition.name()).param("doc", definition.documentationUrl())
          .update() == 0) {
        throw new NotFoundException("custom definition", definition.id());
      }
      makeDefault(definition.id(), upsertVersion(definition));
      return get(definition.id());
    });
  }

  private void makeDefault(UUID definitionId, UUID versionId) {
    jdbc.sql("UPDATE actor_definition SET default_version_id = :v WHERE id = :id").param("v", versionId)
        .param("id", definitionId).update();
  }

  private UUID upsertVersion(ConnectorDefinition definition) {
    return jdbc.sql("INSERT INTO actor_definition_version (id, actor_definition_id, version, runtime, spec, protocol_version) "
            + "VALUES (:id, :def, :version, CAST(:runtime AS jsonb), CAST(:spec AS jsonb), :proto) "
            + "ON CONFLICT (actor_definition_id, version) DO UPDATE SET runtime = excluded.runtime, spec = excluded.spec, "
            + "protocol_version = excluded.protocol_version RETURNING id")
        .param("id", UUID.randomUUID()).param("def", definition.id()).param("version", definition.version())
        .param("runtime", JsonColumns.json(definition.runtime())).param("spec", JsonColumns.json(definition.spec()))
        .param("proto", definition.protocolVersion())
        .query(UUID.class).single();
  }

  public Optional<ConnectorDefinition> find(UUID id) {
    return jdbc.sql(SELECT + "WHERE d.id = :id AND NOT d.tombstone").param("id", id).query(DefinitionRepository::map)
        .optional();
  }

  public ConnectorDefinition get(UUID id) {
    return find(id).orElseThrow(() -> new NotFoundException("definition", id));
  }

  /** Built-in definitions of {@code type} and the custom ones of {@code workspaceId} (null: built-in only). */
  public List<ConnectorDefinition> list(ActorType type, UUID workspaceId) {
    return jdbc.sql(SELECT + "WHERE d.actor_type = :type AND NOT d.tombstone AND (d.built_in OR d.workspace_id = :ws) "
            + "ORDER BY d.name, d.id")
        .param("type", type.value()).param("ws", workspaceId).query(DefinitionRepository::map).list();
  }

  public void delete(UUID id) {
    if (jdbc.sql("UPDATE actor_definition SET tombstone = true, updated_at = now() WHERE id = :id AND NOT built_in "
        + "AND NOT tombstone").param("id", id).update() == 0) {
      throw new NotFoundException("custom definition", id);
    }
  }

  private static ConnectorDefinition map(ResultSet rs, int row) throws SQLException {
    return new ConnectorDefinition(rs.getObject("id", UUID.class), ActorType.of(rs.getString("actor_type")),
        rs.getString("name"), rs.getString("version"), rs.getString("documentation_url"), JsonColumns.tree(rs, "spec"),
        rs.getString("protocol_version"), rs.getBoolean("built_in"), rs.getObject("workspace_id", UUID.class),
        rs.getObject("version_id", UUID.class), JsonColumns.read(rs, "runtime", ConnectorRuntime.class));
  }
}
