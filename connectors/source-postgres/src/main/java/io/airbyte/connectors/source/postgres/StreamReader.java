package io.airbyte.connectors.source.postgres;

import io.airbyte.connector.kit.Emitter;
import io.airbyte.protocol.models.AirbyteStreamStatus;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.StreamDescriptor;
import io.airbyte.protocol.models.SyncMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Reads one configured stream in its own REPEATABLE READ, read-only transaction: the selected
 * columns, in the stream's sync mode, with stream statuses (STARTED, RUNNING, COMPLETE or
 * INCOMPLETE) and an estimate.
 */
final class StreamReader {

  static final int CHUNK_ROWS = 100_000;
  private static final Logger LOG = Logger.getLogger(StreamReader.class.getName());

  private final Connection connection;
  private final Emitter output;
  private final boolean tidRangeScan;
  private final int chunkRows;
  private final StateSink states;
  private final String snapshot;

  StreamReader(Connection connection, Emitter output, boolean tidRangeScan, int chunkRows, StateSink states) {
    this(connection, output, tidRangeScan, chunkRows, states, null);
  }

  /** @param snapshot an exported snapshot to read in ({@link ReadTransaction}), or null for a new one */
  StreamReader(Connection connection, Emitter output, boolean tidRangeScan, int chunkRows, StateSink states,
      String snapshot) {
    this.connection = connection;
    this.states = states;
    this.output = output;
    this.tidRangeScan = tidRangeScan;
    this.chunkRows = chunkRows;
    this.snapshot = snapshot;
  }

  void read(TableInfo table, ConfiguredAirbyteStream configured, InputState state) throws SQLException {
    StreamDescriptor stream = descriptor(table);
    output.streamStatus(stream, AirbyteStreamStatus.STARTED);
    output.estimate(stream, table.estimatedRows(), table.estimatedBytes());
    List<TableInfo.ColumnInfo> columns = selectedColumns(table, configured);
    StreamProgress progress = new StreamProgress(output, stream, new RowWriter(columns), states);
    ReadContext ctx = new ReadContext(connection, table, columns, progress, state.get(stream), configured.getSyncId(), chunkRows);
    try {
      ReadTransaction.run(connection, snapshot, () -> {
        if (configured.getSyncMode() == SyncMode.INCREMENTAL) {
          List<String> cursor = configured.getCursorField();
          if (cursor == null || cursor.isEmpty()) {
            throw new io.airbyte.connector.kit.ConfigErrorException("stream '" + table.name()
                + "' is incremental but has no cursor_field");
          }
          new IncrementalRead(ctx, cursor.get(0)).read();
        } else {
          new FullRefreshRead(ctx, tidRangeScan).read();
        }
        return null;
      });
    } catch (SQLException | RuntimeException e) {
      output.streamStatus(stream, AirbyteStreamStatus.INCOMPLETE);
      throw e;
    }
    LOG.info(table.schema() + "." + table.name() + ": " + progress.total() + " records");
    output.streamStatus(stream, AirbyteStreamStatus.COMPLETE);
  }

  static StreamDescriptor descriptor(TableInfo table) {
    return new StreamDescriptor().withName(table.name()).withNamespace(table.schema());
  }

  /** The table's columns the configured stream selects (its schema's properties), in table order. */
  static List<TableInfo.ColumnInfo> selectedColumns(TableInfo table, ConfiguredAirbyteStream configured) {
    var properties = configured.getStream().getJsonSchema() == null ? null
        : configured.getStream().getJsonSchema().get("properties");
    if (properties == null || properties.isEmpty()) {
      return table.columns();
    }
    List<TableInfo.ColumnInfo> selected = new ArrayList<>();
    for (TableInfo.ColumnInfo column : table.columns()) {
      if (properties.has(column.name())) {
        selected.add(column);
      }
    }
    properties.fieldNames().forEachRemaining(name -> {
      if (table.column(name) == null && !CdcFields.isCdcField(name)) {
        LOG.warning(table.name() + ": column '" + name + "' of the catalog no longer exists in the table: skipped");
      }
    });
    return selected;
  }
}
