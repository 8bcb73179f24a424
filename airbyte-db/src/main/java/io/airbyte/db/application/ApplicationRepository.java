package io.airbyte.db.application;

import io.airbyte.db.JsonColumns;
import io.airbyte.db.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

public final class ApplicationRepository {

  private static final String COLUMNS = "id, workspace_id, name, client_id, client_secret_hash, created_at";
  private final JdbcClient jdbc;

  public ApplicationRepository(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  public Application create(UUID workspaceId, String name, String clientId, String clientSecretHash) {
    UUID id = UUID.randomUUID();
    jdbc.sql("INSERT INTO application (id, workspace_id, name, client_id, client_secret_hash) VALUES (:id, :ws, :name, :cid, :hash)")
        .param("id", id).param("ws", workspaceId).param("name", name).param("cid", clientId).param("hash", clientSecretHash)
        .update();
    return get(id);
  }

  public Application get(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE id = :id AND NOT tombstone").param("id", id)
        .query(ApplicationRepository::map).optional().orElseThrow(() -> new NotFoundException("application", id));
  }

  public Optional<Application> findByClientId(String clientId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE client_id = :c AND NOT tombstone").param("c", clientId)
        .query(ApplicationRepository::map).optional();
  }

  public List<Application> list() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE NOT tombstone ORDER BY created_at, id")
        .query(ApplicationRepository::map).list();
  }

  public void delete(UUID id) {
    if (jdbc.sql("UPDATE application SET tombstone = true WHERE id = :id AND NOT tombstone").param("id", id).update() == 0) {
      throw new NotFoundException("application", id);
    }
  }

  private static Application map(ResultSet rs, int row) throws SQLException {
    return new Application(rs.getObject("id", UUID.class), rs.getObject("workspace_id", UUID.class), rs.getString("name"),
        rs.getString("client_id"), rs.getString("client_secret_hash"), JsonColumns.instant(rs, "created_at"));
  }
}
