package io.airbyte.connector.kit.sql;

import io.airbyte.connector.kit.destination.StreamTarget;
import java.util.logging.Logger;

/**
 * The temporary table of a truncate refresh across the attempts of a sync, decided from what the
 * tables hold, whatever the engine.
 *
 * <p>Records of a truncate refresh go into a temporary table, swapped in for the final table when
 * the stream completes; the final table gets data only by that swap, so all its rows carry the
 * {@code sync_id} and generation of the attempt that swapped it in. Hence:
 *
 * <ul>
 *   <li>before an attempt writes ({@link #prepare}), the temporary table keeps only rows of this
 *       sync and generation: what an earlier attempt of this sync committed, which this attempt's
 *       source resumes after. Rows of another sync (a failed earlier job: an overwrite keeps its
 *       generation from job to job) or another generation are removed, because this sync reads
 *       them again;
 *   <li>when the stream completes ({@link #finish}), an empty temporary table while the final table
 *       holds rows of this sync and generation means an earlier attempt of this sync completed the
 *       stream and swapped its data in (its source now says it was read completely and sends
 *       nothing): the final table is kept and the empty temporary table dropped. Otherwise the
 *       temporary table holds the stream's complete data of this sync (committed by this attempt
 *       and earlier ones) and replaces the final table.
 * </ul>
 *
 * A stream that never completes leaves the final table as it was.
 */
public final class TruncateRefresh {

  /**
   * The condition, in SQL that PostgreSQL and DuckDB both run, that a row belongs to a sync and
   * generation; parameters: the sync id as text (null for none), the generation id.
   */
  public static final String ROW_OF_SYNC_AND_GENERATION =
      "(_airbyte_meta->>'sync_id') IS NOT DISTINCT FROM ? AND _airbyte_generation_id IS NOT DISTINCT FROM ?";

  private static final Logger LOG = Logger.getLogger(TruncateRefresh.class.getName());

  /** What the engine does with the tables of a stream. */
  public interface Tables {

    boolean exists(String schema, String table) throws Exception;

    /** Whether the table holds a row of this sync and generation ({@link #ROW_OF_SYNC_AND_GENERATION}). */
    boolean holdsRowsOf(String schema, String table, Long syncId, long generationId) throws Exception;

    /** Whether the table holds a row of another sync or generation. */
    boolean holdsRowsNotOf(String schema, String table, Long syncId, long generationId) throws Exception;

    boolean isEmpty(String schema, String table) throws Exception;

    void truncate(String schema, String table) throws Exception;

    /** Replaces {@code table} by {@code replacement} (renamed to {@code table}) in the current transaction. */
    void replace(String schema, String table, String replacement) throws Exception;

    void drop(String schema, String table) throws Exception;
  }

  /** What {@link #finish} did. */
  public enum Outcome { REPLACED, KEPT }

  private final StreamTarget target;
  private final String tmpTable;
  private final Tables tables;

  public TruncateRefresh(StreamTarget target, String tmpTable, Tables tables) {
    this.target = target;
    this.tmpTable = tmpTable;
    this.tables = tables;
  }

  /** Before the attempt writes (and before the temporary table is created or evolved). */
  public void prepare() throws Exception {
    if (tables.exists(target.schema(), tmpTable)
        && tables.holdsRowsNotOf(target.schema(), tmpTable, target.syncId(), target.generationId())) {
      LOG.info("emptying " + target.schema() + "." + tmpTable + ": it holds rows of another sync or generation"
          + " (sync " + target.syncId() + ", generation " + target.generationId() + " reads them again)");
      tables.truncate(target.schema(), tmpTable);
    }
  }

  /**
   * The stream completed and everything before is committed: swaps the temporary table in, unless an
   * earlier attempt of this sync already did (see the class comment). In the current transaction.
   *
   * @param recordsThisAttempt for the log
   */
  public Outcome finish(long recordsThisAttempt) throws Exception {
    String schema = target.schema();
    if (tables.isEmpty(schema, tmpTable) && tables.exists(schema, target.table())
        && tables.holdsRowsOf(schema, target.table(), target.syncId(), target.generationId())) {
      tables.drop(schema, tmpTable);
      LOG.info(target.describe() + ": " + schema + "." + target.table() + " kept: an earlier attempt of this sync (sync "
          + target.syncId() + ", generation " + target.generationId() + ") loaded it completely, and this attempt"
          + " received no records for it");
      return Outcome.KEPT;
    }
    tables.replace(schema, target.table(), tmpTable);
    LOG.info(target.describe() + ": " + schema + "." + target.table() + " replaced by the new data of sync "
        + target.syncId() + " (" + recordsThisAttempt + " records in this attempt, with those earlier attempts of it committed)");
    return Outcome.REPLACED;
  }

  /** The sync id as {@link #ROW_OF_SYNC_AND_GENERATION} compares it (the text of the JSON number). */
  public static String syncIdText(Long syncId) {
    return syncId == null ? null : Long.toString(syncId);
  }
}
