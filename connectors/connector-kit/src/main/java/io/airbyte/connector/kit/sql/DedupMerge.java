package io.airbyte.connector.kit.sql;

import io.airbyte.connector.kit.destination.StreamTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The SQL that merges the rows staged since the last commit into a deduplicated table: per
 * primary key, the newest row wins, by cursor, then extraction time, then arrival order
 * ({@code _airbyte_seq}); a row with a non-null {@code _ab_cdc_deleted_at} deletes its key. Plain
 * SQL that PostgreSQL and DuckDB both run ({@code DISTINCT ON}, {@code DELETE … USING}).
 */
public final class DedupMerge {

  private final List<String> statements = new ArrayList<>();

  /**
   * @param quote quotes an identifier for the engine
   * @param stage the (quoted) staging table, with the table's columns plus {@code _airbyte_seq}
   * @param table the (quoted, qualified) deduplicated table
   * @param columnList the quoted columns rows are inserted with
   */
  public DedupMerge(StreamTarget target, UnaryOperator<String> quote, String stage, String table, String columnList) {
    List<String> key = target.primaryKey().stream().map(quote).toList();
    String cursor = target.cursor() == null ? null : quote.apply(target.cursor());
    String keyList = String.join(", ", key);
    String order = keyList + (cursor == null ? "" : ", " + cursor + " DESC NULLS LAST")
        + ", _airbyte_extracted_at DESC, _airbyte_seq DESC";
    String match = String.join(" AND ", key.stream().map(k -> "t." + k + " = n." + k).toList());
    String newer = cursor == null
        ? "n._airbyte_extracted_at >= t._airbyte_extracted_at"
        : "(t." + cursor + " IS NULL OR (n." + cursor + " IS NOT NULL AND (n." + cursor + " > t." + cursor
            + " OR (n." + cursor + " = t." + cursor + " AND n._airbyte_extracted_at >= t._airbyte_extracted_at))))";
    statements.add("DROP TABLE IF EXISTS airbyte_newest");
    statements.add("CREATE TEMP TABLE airbyte_newest AS SELECT DISTINCT ON (" + keyList + ") * FROM " + stage
        + " ORDER BY " + order);
    statements.add("DELETE FROM " + table + " t USING airbyte_newest n WHERE " + match + " AND " + newer);
    statements.add("DELETE FROM airbyte_newest n USING " + table + " t WHERE " + match);
    statements.add("INSERT INTO " + table + " (" + columnList + ") SELECT " + columnList + " FROM airbyte_newest");
    if (target.columns().containsKey("_ab_cdc_deleted_at")) {
      statements.add("DELETE FROM " + table + " WHERE " + quote.apply("_ab_cdc_deleted_at") + " IS NOT NULL");
    }
    statements.add("DROP TABLE airbyte_newest");
    statements.add("DELETE FROM " + stage);
  }

  /** The statements, to run in order in the load transaction. */
  public List<String> statements() {
    return statements;
  }
}
