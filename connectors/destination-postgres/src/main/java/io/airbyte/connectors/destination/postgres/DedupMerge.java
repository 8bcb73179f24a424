package io.airbyte.connectors.destination.postgres;

import static io.airbyte.connectors.destination.postgres.Identifiers.quote;

import io.airbyte.protocol.kit.destination.StreamTarget;
import java.sql.SQLException;
import java.util.List;

/**
 * Merges the rows staged since the last commit into a deduplicated table: per primary key, the
 * newest row wins, by cursor, then extraction time, then arrival order; a row with a non-null
 * {@code _ab_cdc_deleted_at} deletes its key.
 */
final class DedupMerge {

  private final String newestSql;
  private final String deleteOlderSql;
  private final String dropStaleSql;
  private final String insertSql;
  private final String cdcDeleteSql;

  DedupMerge(StreamTarget target, String stage, String table, String columnList) {
    List<String> key = target.primaryKey().stream().map(Identifiers::quote).toList();
    String cursor = target.cursor() == null ? null : quote(target.cursor());
    String keyList = String.join(", ", key);
    String order = keyList + (cursor == null ? "" : ", " + cursor + " DESC NULLS LAST")
        + ", _airbyte_extracted_at DESC, _airbyte_seq DESC";
    String match = String.join(" AND ", key.stream().map(k -> "t." + k + " = n." + k).toList());
    String newer = cursor == null
        ? "n._airbyte_extracted_at >= t._airbyte_extracted_at"
        : "(t." + cursor + " IS NULL OR (n." + cursor + " IS NOT NULL AND (n." + cursor + " > t." + cursor
            + " OR (n." + cursor + " = t." + cursor + " AND n._airbyte_extracted_at >= t._airbyte_extracted_at))))";
    this.newestSql = "CREATE TEMP TABLE airbyte_newest ON COMMIT DROP AS SELECT DISTINCT ON (" + keyList + ") * FROM "
        + stage + " ORDER BY " + order;
    this.deleteOlderSql = "DELETE FROM " + table + " t USING airbyte_newest n WHERE " + match + " AND " + newer;
    this.dropStaleSql = "DELETE FROM airbyte_newest n USING " + table + " t WHERE " + match;
    this.insertSql = "INSERT INTO " + table + " (" + columnList + ") SELECT " + columnList + " FROM airbyte_newest";
    this.cdcDeleteSql = target.columns().containsKey("_ab_cdc_deleted_at")
        ? "DELETE FROM " + table + " WHERE " + quote("_ab_cdc_deleted_at") + " IS NOT NULL"
        : null;
  }

  void run(TableOperations tables) throws SQLException {
    tables.execute(newestSql);
    tables.execute(deleteOlderSql);
    tables.execute(dropStaleSql);
    tables.execute(insertSql);
    if (cdcDeleteSql != null) {
      tables.execute(cdcDeleteSql);
    }
    tables.execute("DROP TABLE airbyte_newest");
  }
}
