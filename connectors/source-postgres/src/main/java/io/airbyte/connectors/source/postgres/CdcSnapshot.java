package io.airbyte.connectors.source.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connector.kit.Emitter;
import io.airbyte.protocol.models.StreamDescriptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * The initial load of a CDC stream: the table read in chunks as a resumable full refresh is
 * (ctid or primary-key ranges, a state after each), in a REPEATABLE READ snapshot, the records at
 * the slot's position. The snapshot of the load's first chunk is kept in the stream's state
 * ({@code cdc_snapshot}): the slot's changes that it already saw are skipped, so rows are neither
 * lost nor applied twice, also when the load resumes in a later attempt or sync (the changes made
 * between two attempts are replayed onto the chunks read before).
 */
final class CdcSnapshot {

  private static final Logger LOG = Logger.getLogger(CdcSnapshot.class.getName());

  private final Connection connection;
  private final Emitter output;
  private final CdcState state;
  private final boolean tidRangeScan;
  private final int chunkRows;
  private final String startedAt;

  CdcSnapshot(Connection connection, Emitter output, CdcState state, boolean tidRangeScan, int chunkRows, Clock clock) {
    this.connection = connection;
    this.output = output;
    this.state = state;
    this.tidRangeScan = tidRangeScan;
    this.chunkRows = chunkRows;
    this.startedAt = Instant.now(clock).toString();
  }

  /** Loads the table (or the rest of it); false when {@code stop} ended the load before its end. */
  boolean load(TableInfo table, List<TableInfo.ColumnInfo> columns, BooleanSupplier stop) throws SQLException {
    StreamDescriptor stream = new StreamDescriptor().withName(table.name()).withNamespace(table.schema());
    ObjectNode previous = state.get(stream);
    if (previous != null && previous.path("done").asBoolean(false)) {
      return true;
    }
    output.estimate(stream, table.estimatedRows(), table.estimatedBytes());
    CdcFields fields = new CdcFields();
    fields.set(state.lsn(), startedAt, false);
    return ReadTransaction.run(connection, null, () -> {
      SnapshotFilter current = SnapshotFilter.current(connection); // the first statement: fixes the snapshot
      SnapshotFilter first = previous == null ? null : SnapshotFilter.fromJson(previous.get("cdc_snapshot"));
      SnapshotFilter filter = first == null ? current : first;
      StateSink sink = (s, streamState, records) -> state.state(s, streamState.set("cdc_snapshot", filter.toJson()), records);
      StreamProgress progress = new StreamProgress(output, stream, new RowWriter(columns, fields), sink);
      if (previous != null) {
        LOG.info(table.qualifiedName() + ": resuming the initial load");
      }
      ReadContext ctx = new ReadContext(connection, table, columns, progress, previous, null, chunkRows);
      boolean done = new FullRefreshRead(ctx, tidRangeScan, true, stop).read();
      LOG.info(table.qualifiedName() + ": " + progress.total() + " records loaded" + (done ? "" : " (load paused)"));
      return done;
    });
  }
}
