package io.airbyte.connectors.source.postgres;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

/**
 * Reads a logical replication slot on a thread of its own into a bounded queue ({@code queue_size}
 * messages), so the server keeps hearing from us (status updates) while the output is blocked by a
 * slow destination. The slot's confirmed position is only moved to what {@link #confirm} was given:
 * the position the previous sync's destination committed, or (lsn_commit_behaviour "While reading
 * Data") each state as it is emitted.
 */
final class ReplicationReader implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ReplicationReader.class.getName());
  /** Besides {@code queue_size} messages, at most this many bytes wait in the queue (rows with large values). */
  static final long MAX_QUEUED_BYTES = 64L << 20;

  private final Connection connection;
  private final PGReplicationStream stream;
  private final BlockingQueue<ByteBuffer> queue;
  private final Thread thread;
  private final java.util.concurrent.atomic.AtomicLong queuedBytes = new java.util.concurrent.atomic.AtomicLong();
  private volatile long confirmRequested;
  private long confirmSent;
  private volatile Throwable failure;
  private volatile boolean closed;

  private ReplicationReader(Connection connection, PGReplicationStream stream, int queueSize) {
    this.connection = connection;
    this.stream = stream;
    this.queue = new ArrayBlockingQueue<>(queueSize);
    this.thread = new Thread(this::run, "replication-reader");
    this.thread.setDaemon(true);
  }

  /** Starts streaming the slot from {@code start} (confirmed as flushed at once). */
  static ReplicationReader start(PostgresSourceConfig config, String slot, String publication, long start, int queueSize)
      throws SQLException {
    Connection connection = config.connectForReplication();
    try {
      PGReplicationStream stream = connection.unwrap(PGConnection.class).getReplicationAPI().replicationStream()
          .logical()
          .withSlotName(slot)
          .withStartPosition(LogSequenceNumber.valueOf(start))
          .withSlotOption("proto_version", "1")
          .withSlotOption("publication_names", Sql.quote(publication))
          .withSlotOption("messages", "true")
          .withStatusInterval(10, TimeUnit.SECONDS)
          .start();
      ReplicationReader reader = new ReplicationReader(connection, stream, queueSize);
      reader.confirmRequested = start;
      reader.applyConfirm();
      reader.thread.start();
      return reader;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** Asks for the slot's confirmed position to move to {@code lsn} (sent with the next status update). */
  void confirm(long lsn) {
    confirmRequested = Math.max(confirmRequested, lsn);
  }

  /** The next message, or null after {@code timeoutMillis} without one. */
  ByteBuffer poll(long timeoutMillis) throws SQLException, InterruptedException {
    ByteBuffer message = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    if (message != null) {
      queuedBytes.addAndGet(-message.remaining());
    }
    if (message == null && failure != null) {
      throw new SQLException("reading the replication slot failed: " + failure.getMessage(), failure);
    }
    return message;
  }

  private void run() {
    try {
      while (!closed) {
        ByteBuffer message = stream.readPending();
        if (confirmRequested != confirmSent) {
          applyConfirm();
        }
        if (message == null) {
          TimeUnit.MILLISECONDS.sleep(2);
          continue;
        }
        ByteBuffer copy = ByteBuffer.allocate(message.remaining());
        copy.put(message).flip();
        for (int waits = 1; queuedBytes.get() > MAX_QUEUED_BYTES && !closed; waits++) {
          TimeUnit.MILLISECONDS.sleep(5);
          if (waits % 200 == 0) {
            stream.forceUpdateStatus(); // the output is blocked: keep the connection alive
          }
        }
        queuedBytes.addAndGet(copy.remaining());
        while (!queue.offer(copy, 1, TimeUnit.SECONDS)) {
          if (closed) {
            return;
          }
          stream.forceUpdateStatus(); // the output is blocked: keep the connection alive
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      if (!closed) {
        LOG.log(Level.WARNING, "the replication stream failed", e);
        failure = e;
      }
    }
  }

  private void applyConfirm() throws SQLException {
    confirmSent = confirmRequested;
    LogSequenceNumber lsn = LogSequenceNumber.valueOf(confirmSent);
    stream.setFlushedLSN(lsn);
    stream.setAppliedLSN(lsn);
    stream.forceUpdateStatus();
  }

  @Override
  public void close() throws SQLException {
    closed = true;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      if (!thread.isAlive() && failure == null && confirmRequested != confirmSent) {
        applyConfirm(); // the last confirmation asked for, now that the reader thread is done with the stream
      }
      stream.close();
    } catch (SQLException e) {
      LOG.fine("closing the replication stream: " + e.getMessage());
    } finally {
      connection.close();
    }
  }
}
