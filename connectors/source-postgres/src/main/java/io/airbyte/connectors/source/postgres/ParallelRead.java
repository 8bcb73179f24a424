package io.airbyte.connectors.source.postgres;

import io.airbyte.connector.kit.OutputSegment;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.StreamDescriptor;
import io.airbyte.protocol.models.SyncMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Logger;

/**
 * Reads the streams of a sync on several connections at once ({@code max_db_connections}). Each
 * stream is a task, and so is each page range of a table read by ctid ({@link PartitionedStream});
 * that many workers, each on a connection of its own, take the tasks of the streams in turn. Everything
 * is read in one snapshot, exported by the main connection, which holds it until the tasks are done.
 *
 * <p>A task writes into a segment of the output and commits it after each of its states. The
 * destination commits the records of every stream whenever a state comes, so no record may reach
 * it before the state that covers it: a state and its records arrive together, and a killed read
 * resumes from the states without a row read twice. A stream without states before its end (a
 * view, a table with neither ctid ranges nor a primary key) cannot be read that way: such streams
 * are read alone, one after the other, once the others are done. Each state covers
 * {@link #SEGMENT_SHARE} of the rows of a sequential read, so the segments held in memory stay small.
 */
final class ParallelRead {

  /** A parallel read's states come this many times as often as a sequential read's. */
  static final int SEGMENT_SHARE = 5;
  private static final Logger LOG = Logger.getLogger(ParallelRead.class.getName());

  private final PostgresSourceConfig config;
  private final Connection main;
  private final Segments segments;
  private final boolean tidRangeScan;
  private final int chunkRows;

  ParallelRead(PostgresSourceConfig config, Connection main, io.airbyte.connector.kit.Emitter output, boolean tidRangeScan,
      int chunkRows) {
    this.config = config;
    this.main = main;
    this.segments = new Segments(output);
    this.tidRangeScan = tidRangeScan;
    this.chunkRows = Math.max(1, chunkRows / SEGMENT_SHARE);
  }

  /** A configured stream and its table. */
  record Selected(TableInfo table, ConfiguredAirbyteStream configured) {
  }

  void read(List<Selected> streams, InputState input) throws Exception {
    List<Selected> alone = new ArrayList<>();
    List<List<ReadTask>> tasks = new ArrayList<>();
    boolean autoCommit = main.getAutoCommit();
    try {
      ReadTransaction.begin(main, null);
      String snapshot = exportSnapshot();
      for (Selected selected : streams) {
        TableInfo table = selected.table();
        ConfiguredAirbyteStream configured = selected.configured();
        boolean fullRefresh = configured.getSyncMode() != SyncMode.INCREMENTAL;
        if (fullRefresh && !FullRefreshRead.resumable(table, tidRangeScan)) {
          alone.add(selected);
        } else if (fullRefresh && table.hasCtid() && tidRangeScan) {
          StreamDescriptor stream = StreamReader.descriptor(table);
          tasks.add(new PartitionedStream(table, StreamReader.selectedColumns(table, configured), configured.getSyncId(),
              chunkRows).plan(main, input.get(stream), segments));
        } else {
          tasks.add(List.of((connection, exported, s) -> readStream(connection, exported, selected, input)));
        }
      }
      runAll(interleaved(tasks), snapshot);
      main.commit();
    } catch (Exception e) {
      main.rollback();
      throw e;
    } finally {
      main.setReadOnly(false);
      main.setAutoCommit(autoCommit);
    }
    StreamReader reader = new StreamReader(main, segments.output(), tidRangeScan, chunkRows,
        StateSink.perStream(segments.output()));
    for (Selected selected : alone) {
      reader.read(selected.table(), selected.configured(), input);
    }
  }

  /** The streams' tasks taken in turn (a range of each stream, then the next range of each): every stream starts at once. */
  private static List<ReadTask> interleaved(List<List<ReadTask>> byStream) {
    List<ReadTask> tasks = new ArrayList<>();
    for (int i = 0; tasks.size() < byStream.stream().mapToInt(List::size).sum(); i++) {
      for (List<ReadTask> stream : byStream) {
        if (i < stream.size()) {
          tasks.add(stream.get(i));
        }
      }
    }
    return tasks;
  }

  private String exportSnapshot() throws SQLException {
    try (Statement statement = main.createStatement(); ResultSet rs = statement.executeQuery("SELECT pg_export_snapshot()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** A whole stream on one worker: its segment is committed after each state and at its end. */
  private void readStream(Connection connection, String snapshot, Selected selected, InputState input)
      throws SQLException {
    OutputSegment segment = segments.open();
    StreamDescriptor stream = StreamReader.descriptor(selected.table());
    StateSink perStream = StateSink.perStream(segment.output());
    StateSink sink = (s, state, records) -> {
      perStream.state(s, state, records);
      segments.commit(segment, stream);
    };
    new StreamReader(connection, segment.output(), tidRangeScan, chunkRows, sink, snapshot)
        .read(selected.table(), selected.configured(), input);
    segments.commit(segment, stream);
    segments.completed(stream);
    segments.close(segment);
  }

  private void runAll(List<ReadTask> tasks, String snapshot) throws Exception {
    Queue<ReadTask> queue = new ConcurrentLinkedQueue<>(tasks);
    int workers = Math.min(config.maxDbConnections(), tasks.size());
    LOG.info(tasks.size() + " read tasks on " + workers + " connections");
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      Thread thread = new Thread(() -> work(queue, snapshot), "source-postgres-read-" + i);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    Throwable failure = segments.failure();
    if (failure != null) {
      segments.incomplete();
      if (failure instanceof Exception e) {
        throw e;
      }
      throw (Error) failure;
    }
  }

  private void work(Queue<ReadTask> queue, String snapshot) {
    try (Connection connection = config.connect()) {
      for (ReadTask task = queue.poll(); task != null && segments.failure() == null; task = queue.poll()) {
        task.run(connection, snapshot, segments);
      }
    } catch (Throwable e) {
      if (segments.fail(e)) {
        LOG.warning(Thread.currentThread().getName() + " failed: " + e);
      }
    }
  }
}
