package io.airbyte.db.workspace;

import io.airbyte.db.JsonColumns;
import io.airbyte.db.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Workspaces; a default one is made on the first start. */
public final class WorkspaceRepository {

  private static final String COLUMNS = "id, name, email, is_default, tombstone, created_at";
  private final JdbcClient jdbc;

  public WorkspaceRepository(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /** The default workspace, made when there is none (idempotent, safe to call at every start). */
  public Workspace ensureDefault() {
    jdbc.sql("INSERT INTO workspace (id, name, is_default) VALUES (:id, 'Default Workspace', true) "
            + "ON CONFLICT (is_default) WHERE is_default DO NOTHING")
        .param("id", UUID.randomUUID())
        .update();
    return jdbc.sql("SELECT " + COLUMNS + " FROM workspace WHERE is_default").query(WorkspaceRepository::map).single();
  }

  public Workspace create(String name, String email) {
    UUID id = UUID.randomUUID();
    jdbc.sql("INSERT INTO workspace (id, name, email) VALUES (:id, :name, :email)")
        .param("id", id).param("name", name).param("email", email).update();
    return get(id);
  }

  public Optional<Workspace> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM workspace WHERE id = :id AND NOT tombstone").param("id", id)
        .query(WorkspaceRepository::map).optional();
  }

  public Workspace get(UUID id) {
    return find(id).orElseThrow(() -> new NotFoundException("workspace", id));
  }

  public List<Workspace> list(boolean includeDeleted, int limit, int offset) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM workspace WHERE (:all OR NOT tombstone) ORDER BY created_at, id "
            + "LIMIT :limit OFFSET :offset")
        .param("all", includeDeleted).param("limit", limit).param("offset", offset)
        .query(WorkspaceRepository::map).list();
  }

  public Workspace update(UUID id, String name, String email) {
    int n = jdbc.sql("UPDATE workspace SET name = coalesce(:name, name), email = coalesce(:email, email), updated_at = now() "
            + "WHERE id = :id AND NOT tombstone")
        .param("id", id).param("name", name).param("email", email).update();
    if (n == 0) {
      throw new NotFoundException("workspace", id);
    }
    return get(id);
  }

  public void delete(UUID id) {
    if (jdbc.sql("UPDATE workspace SET tombstone = true, updated_at = now() WHERE id = :id AND NOT tombstone")
        .param("id", id).update() == 0) {
      throw new NotFoundException("workspace", id);
    }
  }

  private static Workspace map(ResultSet rs, int row) throws SQLException {
    return new Workspace(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("email"),
        rs.getBoolean("is_default"), rs.getBoolean("tombstone"), JsonColumns.instant(rs, "created_at"));
  }
}
