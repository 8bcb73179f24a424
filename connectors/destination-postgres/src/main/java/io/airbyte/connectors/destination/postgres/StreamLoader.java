package io.airbyte.connectors.destination.postgres;

import static io.airbyte.connectors.destination.postgres.Identifiers.qualified;
import static io.airbyte.connectors.destination.postgres.Identifiers.quote;

import io.airbyte.protocol.kit.typing.AirbyteType;
import io.airbyte.protocol.models.AirbyteRecordMessage;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Loads one stream: prepares its table, turns records into COPY rows, merges staged rows into the
 * table for dedup modes before each commit, and finalizes the stream once it completed (swap of a
 * truncate refresh, removal of older generations).
 */
final class StreamLoader {

  private static final Logger LOG = Logger.getLogger(StreamLoader.class.getName());

  private final StreamTarget target;
  private final TableOperations tables;
  private final boolean dropCascade;
  private RowEncoder encoder;
  private String copySql;
  private DedupMerge merge;
  private boolean staged;
  private boolean complete;
  private long recordsSinceState;
  private long recordsWritten;

  StreamLoader(StreamTarget target, TableOperations tables, boolean dropCascade) {
    this.target = target;
    this.tables = tables;
    this.dropCascade = dropCascade;
  }

  StreamTarget target() {
    return target;
  }

  /** Creates or evolves the table records go to (keeping a temporary table of the same generation: a resumed attempt). */
  void prepare(int ordinal) throws SQLException {
    tables.ensureSchema(target.schema());
    String loadTable = target.loadTable();
    if (target.truncateRefresh() && !tables.columns(target.schema(), loadTable).isEmpty()
        && tables.holdsOtherGenerations(target.schema(), loadTable, target.generationId())) {
      LOG.info("emptying " + target.schema() + "." + loadTable + ": it holds rows of an earlier sync");
      tables.truncate(target.schema(), loadTable);
    }
    List<Map.Entry<String, AirbyteType>> columns = tables.ensureTable(target.schema(), loadTable, target.columns());
    List<String> names = new ArrayList<>(TableOperations.AIRBYTE_COLUMNS);
    columns.forEach(c -> names.add(c.getKey()));
    String columnList = String.join(", ", names.stream().map(Identifiers::quote).toList());
    if (target.dedup()) {
      tables.createIndex(target.schema(), loadTable, target.primaryKey());
      String stage = "airbyte_stage_" + ordinal;
      tables.execute("CREATE TEMP TABLE IF NOT EXISTS " + quote(stage) + " (LIKE " + qualified(target.schema(), loadTable)
          + ") ON COMMIT DELETE ROWS");
      tables.execute("ALTER TABLE " + quote(stage) + " ADD COLUMN IF NOT EXISTS _airbyte_seq bigint");
      copySql = "COPY " + quote(stage) + " (" + columnList + ", _airbyte_seq) FROM STDIN";
      merge = new DedupMerge(target, quote(stage), qualified(target.schema(), loadTable), columnList);
    } else {
      copySql = "COPY " + qualified(target.schema(), loadTable) + " (" + columnList + ") FROM STDIN";
    }
    encoder = new RowEncoder(columns, target.syncId(), target.generationId(), target.dedup());
  }

  /** Reads a record's data in the pass that reads its line (see {@link WriteSession}). */
  void readData(com.fasterxml.jackson.core.JsonParser parser, byte[] line) throws IOException {
    encoder.readData(parser, java.nio.ByteBuffer.wrap(line));
  }

  void write(AirbyteRecordMessage record, CopyStream copy) throws SQLException, IOException {
    if (complete) {
      LOG.warning("record for " + target.describe() + " after the stream completed: written anyway");
    }
    encoder.encode(record, copy.rowsFor(copySql));
    copy.rowWritten();
    staged = target.dedup();
    recordsSinceState++;
    recordsWritten++;
  }

  /** Runs before each commit (the COPY has ended): merges staged rows into the table. */
  void beforeCommit() throws SQLException {
    if (staged) {
      merge.run(tables);
      staged = false;
    }
  }

  /** Records written since the last state that covered this stream; resets the count. */
  long takeRecordsSinceState() {
    long n = recordsSinceState;
    recordsSinceState = 0;
    return n;
  }

  long recordsSinceState() {
    return recordsSinceState;
  }

  boolean complete() {
    return complete;
  }

  /** The stream completed and everything before is committed: make its data final (own transaction). */
  void finish() throws SQLException {
    complete = true;
    if (target.truncateRefresh()) {
      tables.swap(target.schema(), target.tmpTable(), target.table(), dropCascade);
      LOG.info(target.describe() + ": " + target.schema() + "." + target.table() + " replaced by the new data ("
          + recordsWritten + " records in this attempt)");
    } else if (target.removesOlderGenerations()) {
      tables.deleteGenerationsBelow(target.schema(), target.table(), target.minimumGenerationId());
    }
  }
}
