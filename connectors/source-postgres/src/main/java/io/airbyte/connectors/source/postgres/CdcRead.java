package io.airbyte.connectors.source.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connector.kit.ConfigErrorException;
import io.airbyte.connector.kit.Emitter;
import io.airbyte.connector.kit.TransientErrorException;
import io.airbyte.protocol.models.AirbyteStreamStatus;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.StreamDescriptor;
import io.airbyte.protocol.models.SyncMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A read with {@code replication_method} CDC. Incremental streams are tables of the publication:
 * each is first loaded in chunks (resumable across attempts and syncs, the records at the slot's
 * position), then every stream follows the slot's changes from the state's position to the
 * position current at the start. The slot's confirmed position is moved, at the start, to the
 * position of the state the platform gave (so to what the destination committed); a position the
 * slot no longer has fails the sync or loads everything again, as
 * {@code invalid_cdc_cursor_position_behavior} says. Full refresh streams are read as with the
 * standard method, their states inside the GLOBAL state.
 */
final class CdcRead {

  private static final Logger LOG = Logger.getLogger(CdcRead.class.getName());

  private final PostgresSourceConfig config;
  private final Connection connection;
  private final Map<String, TableInfo> tables;
  private final Emitter output;
  private final boolean tidRangeScan;
  private final int chunkRows;
  private final Clock clock;

  CdcRead(PostgresSourceConfig config, Connection connection, Map<String, TableInfo> tables, Emitter output,
      boolean tidRangeScan, int chunkRows, Clock clock) {
    this.config = config;
    this.connection = connection;
    this.tables = tables;
    this.output = output;
    this.tidRangeScan = tidRangeScan;
    this.chunkRows = chunkRows;
    this.clock = clock;
  }

  void read(List<ConfiguredAirbyteStream> configured, CdcState state) throws SQLException, InterruptedException {
    CdcConfig cdc = config.cdc();
    ReplicationSetup setup = new ReplicationSetup(connection, config);
    setup.requireLogicalWal();
    ReplicationSetup.Slot slot = awaitInactive(setup);
    Set<String> published = setup.publicationTables();
    if (state.lsn() != null && (slot.lost() || state.lsn() < slot.confirmedFlush())) {
      String why = slot.lost() ? "the WAL it needs was removed (wal_status 'lost')"
          : "the slot is at " + CdcStreaming.lsnText(slot.confirmedFlush()) + ", past the saved position "
              + CdcStreaming.lsnText(state.lsn()) + " (was it dropped and created again, or moved by another reader?)";
      if (!cdc.resyncOnLostPosition()) {
        throw new ConfigErrorException("the saved position of replication slot '" + slot.name() + "' is no longer"
            + " available: " + why + ". Changes since the last sync are lost to CDC; refresh the connection (its streams are loaded again), or set"
            + " replication_method.invalid_cdc_cursor_position_behavior to '" + CdcConfig.RESYNC + "'");
      }
      if (slot.lost()) {
        throw new ConfigErrorException("replication slot '" + slot.name() + "' has lost the WAL it needs; drop it and"
            + " create it again (SELECT pg_drop_replication_slot(" + Sql.literal(slot.name()) + "); SELECT"
            + " pg_create_logical_replication_slot(" + Sql.literal(slot.name()) + ", 'pgoutput')): the next sync then"
            + " loads every table again");
      }
      LOG.warning("the saved position of slot '" + slot.name() + "' is no longer available: " + why
          + "; loading every stream again (invalid_cdc_cursor_position_behavior '" + CdcConfig.RESYNC + "')");
      output.log(io.airbyte.protocol.models.AirbyteLogMessage.Level.WARN, "CDC position lost (" + why
          + "): every stream is loaded again");
      state.clearStreams();
      state.lsn(slot.confirmedFlush());
    }
    if (state.lsn() == null || state.lsn() < slot.confirmedFlush()) {
      state.lsn(slot.confirmedFlush());
    }
    List<StreamDescriptor> descriptors = new ArrayList<>();
    List<ConfiguredAirbyteStream> full = new ArrayList<>();
    Map<String, ConfiguredAirbyteStream> incremental = new LinkedHashMap<>();
    for (ConfiguredAirbyteStream stream : configured) {
      TableInfo table = table(stream);
      descriptors.add(descriptor(table));
      if (stream.getSyncMode() == SyncMode.INCREMENTAL) {
        String key = ReplicationSetup.key(table.schema(), table.name());
        if (!published.contains(key)) {
          throw new ConfigErrorException("table " + table.qualifiedName() + " is not in publication '" + cdc.publication()
              + "': ALTER PUBLICATION " + Sql.quote(cdc.publication()) + " ADD TABLE " + table.qualifiedName()
              + " (or sync it in full refresh)");
        }
        incremental.put(key, stream);
      } else {
        full.add(stream);
      }
    }
    state.retain(descriptors);
    StreamReader fullRefresh = new StreamReader(connection, output, tidRangeScan, chunkRows, state);
    InputState input = new InputState();
    for (ConfiguredAirbyteStream stream : full) {
      TableInfo table = table(stream);
      input.set(descriptor(table), state.get(descriptor(table)));
      fullRefresh.read(table, stream, input);
    }
    long deadline = clock.millis() + cdc.initialLoadTimeout().toMillis();
    List<StreamDescriptor> unfinished = new ArrayList<>();
    Map<String, CdcStreamChanges> changes = new LinkedHashMap<>();
    CdcSnapshot snapshot = new CdcSnapshot(connection, output, state, tidRangeScan, chunkRows, clock);
    for (ConfiguredAirbyteStream stream : incremental.values()) {
      output.streamStatus(descriptor(table(stream)), AirbyteStreamStatus.STARTED);
    }
    for (Map.Entry<String, ConfiguredAirbyteStream> e : incremental.entrySet()) {
      TableInfo table = table(e.getValue());
      List<TableInfo.ColumnInfo> columns = StreamReader.selectedColumns(table, e.getValue());
      StreamDescriptor d = descriptor(table);
      if (!snapshot.load(table, columns, () -> clock.millis() > deadline)) {
        unfinished.add(d);
      }
      changes.put(e.getKey(), new CdcStreamChanges(d, table, columns, SnapshotFilter.fromJson(
          state.get(d) == null ? null : state.get(d).get("cdc_snapshot")), output, connection));
    }
    if (!changes.isEmpty()) {
      new CdcStreaming(config, connection, state, changes, clock).run();
    }
    for (CdcStreamChanges stream : changes.values()) {
      StreamDescriptor d = stream.stream;
      output.streamStatus(d, unfinished.contains(d) ? AirbyteStreamStatus.INCOMPLETE : AirbyteStreamStatus.COMPLETE);
    }
    if (!unfinished.isEmpty()) {
      throw new TransientErrorException("the initial load of " + unfinished.stream().map(StreamDescriptor::getName).toList()
          + " ran longer than replication_method.initial_load_timeout_hours (" + cdc.initialLoadTimeout().toHours()
          + " h); the changes so far were read and committed, and the next attempt goes on with the load");
    }
  }

  /** Waits up to 30 s for a slot still held by an earlier attempt's connection (a killed reader's session ends). */
  private ReplicationSetup.Slot awaitInactive(ReplicationSetup setup) throws SQLException, InterruptedException {
    ReplicationSetup.Slot slot = setup.slot();
    for (int i = 0; i < 60 && slot.activePid() != null; i++) {
      Thread.sleep(500);
      slot = setup.slot();
    }
    if (slot.activePid() != null) {
      throw new TransientErrorException("replication slot '" + slot.name() + "' is in use by process " + slot.activePid()
          + " (another reader of the slot, or an earlier attempt still ending)");
    }
    return slot;
  }

  private TableInfo table(ConfiguredAirbyteStream stream) {
    String namespace = stream.getStream().getNamespace() == null ? config.schemas().get(0) : stream.getStream().getNamespace();
    TableInfo table = tables.get(ReplicationSetup.key(namespace, stream.getStream().getName()));
    if (table == null) {
      throw new ConfigErrorException("stream '" + namespace + "." + stream.getStream().getName()
          + "' does not exist or may not be read by user '" + config.username() + "'");
    }
    return table;
  }

  private static StreamDescriptor descriptor(TableInfo table) {
    return new StreamDescriptor().withName(table.name()).withNamespace(table.schema());
  }
}
