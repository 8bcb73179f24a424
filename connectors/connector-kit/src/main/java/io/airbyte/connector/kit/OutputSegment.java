package io.airbyte.connector.kit;

import java.io.ByteArrayOutputStream;

/**
 * Messages written on one thread and handed to the connector's output in one piece ({@link
 * Emitter#segment()}): {@link #output()} takes them, {@link #commit()} writes what was taken since
 * the last commit. What was never committed never reaches the platform.
 */
public final class OutputSegment {

  private final Emitter parent;
  private final Emitter output;
  private final Buffer buffer;

  OutputSegment(Emitter parent, Emitter output, Buffer buffer) {
    this.parent = parent;
    this.output = output;
    this.buffer = buffer;
  }

  /** Where the segment's messages go until they are committed. */
  public Emitter output() {
    return output;
  }

  /** The bytes taken since the last commit (what the segment holds in memory). */
  public long pendingBytes() {
    output.flush();
    return buffer.size();
  }

  /** Writes what was taken since the last commit to the connector's output, whole and in order, and flushes it. */
  public void commit() {
    output.flush();
    parent.segmentLines(buffer.array(), buffer.size());
    buffer.reset();
  }

  /** A byte buffer whose array is read without a copy. */
  static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(256 * 1024);
    }

    byte[] array() {
      return buf;
    }
  }
}
