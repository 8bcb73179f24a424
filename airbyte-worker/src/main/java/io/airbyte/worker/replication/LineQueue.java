package io.airbyte.worker.replication;

import io.airbyte.protocol.json.RawJson;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue between the source and the destination: lines waiting to be written, bounded
 * by their total size, so memory is bounded by the queue, not by record count or table size. A line
 * larger than the whole bound is let in when the queue is empty. {@link #finish()} ends the input
 * normally; {@link #abort()} drops what is queued and wakes both sides.
 */
final class LineQueue {

  private final long capacityBytes;
  private final ArrayDeque<RawJson> lines = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notFull = lock.newCondition();
  private final Condition notEmpty = lock.newCondition();
  private long bytes;
  private boolean finished;
  private boolean aborted;

  LineQueue(long capacityBytes) {
    this.capacityBytes = capacityBytes;
  }

  /** Waits for room and adds the line; false when the queue was aborted (the line is dropped). */
  boolean put(RawJson line) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (!aborted && !lines.isEmpty() && bytes + line.length() > capacityBytes) {
        notFull.await();
      }
      if (aborted) {
        return false;
      }
      lines.addLast(line);
      bytes += line.length();
      notEmpty.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Moves up to {@code max} lines into {@code out}, waiting for at least one; returns false when
   * no line will come any more (finished and drained, or aborted).
   */
  boolean drainTo(List<RawJson> out, int max) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (lines.isEmpty() && !finished && !aborted) {
        notEmpty.await();
      }
      if (aborted || lines.isEmpty()) {
        return false;
      }
      for (int i = 0; i < max && !lines.isEmpty(); i++) {
        RawJson line = lines.removeFirst();
        bytes -= line.length();
        out.add(line);
      }
      notFull.signalAll();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** True when nothing is queued: the writer flushes then, so a slow source's lines do not linger. */
  boolean isEmpty() {
    lock.lock();
    try {
      return lines.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  void finish() {
    lock.lock();
    try {
      finished = true;
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void abort() {
    lock.lock();
    try {
      aborted = true;
      lines.clear();
      bytes = 0;
      notEmpty.signalAll();
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
  }

  long bytesQueued() {
    lock.lock();
    try {
      return bytes;
    } finally {
      lock.unlock();
    }
  }
}
