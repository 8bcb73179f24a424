package io.airbyte.connectors.source.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connector.kit.OutputSegment;
import io.airbyte.protocol.models.AirbyteStreamStatus;
import io.airbyte.protocol.models.StreamDescriptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;

/**
 * A full refresh of a table read in ctid page ranges by several connections at once. Each range
 * is read into a segment of its own; when it is done, the stream's state is updated (the ranges
 * done so far, {@link CtidRanges}) and written after the range's records, and the segment is
 * committed, all at once: a state covers exactly the records that reached the platform before it,
 * so a killed read resumes with the ranges it had not finished, none read twice.
 */
final class PartitionedStream {

  private static final Logger LOG = Logger.getLogger(PartitionedStream.class.getName());

  private final TableInfo table;
  private final List<TableInfo.ColumnInfo> columns;
  private final StreamDescriptor stream;
  private final Long syncId;
  private final int chunkRows;
  private final RowWriter announcer;
  private CtidRanges ranges;
  private int ref = -1;
  private int remaining;
  private boolean announced;
  private long total;

  PartitionedStream(TableInfo table, List<TableInfo.ColumnInfo> columns, Long syncId, int chunkRows) {
    this.table = table;
    this.columns = columns;
    this.stream = StreamReader.descriptor(table);
    this.syncId = syncId;
    this.chunkRows = chunkRows;
    this.announcer = new RowWriter(columns);
  }

  /**
   * Starts the stream (STARTED, its estimate) and returns its ranges still to read, as tasks; none
   * when an earlier attempt of this sync read it all.
   */
  List<ReadTask> plan(Connection connection, JsonNode previousState, Segments segments) throws SQLException {
    var output = segments.output();
    output.streamStatus(stream, AirbyteStreamStatus.STARTED);
    segments.started(stream);
    output.estimate(stream, table.estimatedRows(), table.estimatedBytes());
    JsonNode previous = FullRefreshRead.resumable(previousState, syncId, false, table);
    if (previous != null && previous.path("done").asBoolean(false)) {
      LOG.info(table.name() + " was read completely by an earlier attempt of this sync");
      StateSink.perStream(output).state(stream, (ObjectNode) previous, 0);
      output.streamStatus(stream, AirbyteStreamStatus.COMPLETE);
      segments.completed(stream);
      return List.of();
    }
    long pages = CtidRanges.relationPages(connection, table);
    ranges = CtidRanges.resume(previous);
    if (ranges.started()) {
      LOG.info(table.name() + ": resuming the ranges not read yet, from page " + ranges.page() + " of " + pages);
    }
    List<CtidRanges.Range> todo = ranges.todo(pages, CtidRanges.pagesPerRange(table, pages, chunkRows));
    remaining = todo.size();
    ref = StreamProgress.typedRowStream(output, announcer);
    LOG.info(table.name() + ": " + pages + " pages in " + todo.size() + " ranges read at once");
    return todo.stream().<ReadTask>map(range -> (c, snapshot, s) -> read(c, snapshot, s, range)).toList();
  }

  private void read(Connection connection, String snapshot, Segments segments, CtidRanges.Range range)
      throws SQLException {
    OutputSegment segment = segments.open();
    StreamProgress progress = StreamProgress.part(segment.output(), stream, new RowWriter(columns),
        StateSink.perStream(segment.output()), ref);
    ReadContext ctx = new ReadContext(connection, table, columns, progress, null, syncId, chunkRows);
    ReadTransaction.run(connection, snapshot, () -> ctx.stream("SELECT " + ctx.selectList() + " FROM "
        + table.qualifiedName() + " WHERE " + range.where(), progress::record));
    finish(range, segment, progress, segments);
    segments.close(segment);
  }

  private synchronized void finish(CtidRanges.Range range, OutputSegment segment, StreamProgress progress,
      Segments segments) {
    ranges.finish(range);
    remaining--;
    if (progress.total() > 0 && !announced) {
      StreamProgress.announce(segments.output(), stream, announcer, ref);
      announced = true;
    }
    total += progress.total();
    ObjectNode state = FullRefreshRead.state(table, syncId, "ctid");
    progress.state(remaining == 0 ? FullRefreshRead.done(state) : ranges.writeTo(state));
    segments.commit(segment, stream);
    if (remaining == 0) {
      LOG.info(table.schema() + "." + table.name() + ": " + total + " records");
      segments.output().streamStatus(stream, AirbyteStreamStatus.COMPLETE);
      segments.completed(stream);
    }
  }
}
