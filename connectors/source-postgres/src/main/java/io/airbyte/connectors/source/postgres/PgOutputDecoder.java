package io.airbyte.connectors.source.postgres;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the messages of PostgreSQL's {@code pgoutput} plugin (logical replication protocol,
 * version 1, values in text form) and hands them to a {@link Handler}. One message per call, as
 * the replication stream delivers them.
 */
final class PgOutputDecoder {

  /** Receives the decoded messages, in the order of the stream (transactions in commit order). */
  interface Handler {
    /** @param finalLsn the LSN of the transaction's commit record */
    void begin(long finalLsn, long commitMicros, long xid);

    /** @param endLsn the end of the commit record: the position after this transaction */
    void commit(long commitLsn, long endLsn, long commitMicros);

    void relation(Relation relation);

    void insert(int relationId, Tuple row);

    /**
     * @param old the old key ('K', when the key changed) or the old row ('O', REPLICA IDENTITY FULL), or null
     */
    void update(int relationId, Tuple old, boolean oldIsKey, Tuple row);

    void delete(int relationId, Tuple old, boolean oldIsKey);

    void truncate(int[] relationIds);

    /** A logical decoding message ({@code pg_logical_emit_message}). */
    void message(boolean transactional, long lsn, String prefix, byte[] content);
  }

  /** A table as a Relation message describes it. */
  record Relation(int id, String namespace, String name, char replicaIdentity, List<Column> columns) {}

  /** A column of a Relation message; {@code key}: part of the replica identity. */
  record Column(String name, boolean key, int typeOid) {}

  /** TupleData: per column 'n' (null), 'u' (unchanged TOASTed value, not sent) or 't' (text). */
  static final class Tuple {
    final byte[] kinds;
    final byte[][] values;

    Tuple(int columns) {
      kinds = new byte[columns];
      values = new byte[columns][];
    }

    int size() {
      return kinds.length;
    }

    boolean isNull(int i) {
      return kinds[i] == 'n';
    }

    boolean isUnchangedToast(int i) {
      return kinds[i] == 'u';
    }
  }

  void decode(ByteBuffer buffer, Handler handler) {
    byte type = buffer.get();
    switch (type) {
      case 'B' -> handler.begin(buffer.getLong(), buffer.getLong(), Integer.toUnsignedLong(buffer.getInt()));
      case 'C' -> {
        buffer.get(); // flags
        long commitLsn = buffer.getLong();
        long endLsn = buffer.getLong();
        handler.commit(commitLsn, endLsn, buffer.getLong());
      }
      case 'R' -> handler.relation(relation(buffer));
      case 'I' -> {
        int relation = buffer.getInt();
        expect(buffer.get(), 'N', "Insert");
        handler.insert(relation, tuple(buffer));
      }
      case 'U' -> {
        int relation = buffer.getInt();
        byte next = buffer.get();
        Tuple old = null;
        boolean oldIsKey = false;
        if (next == 'K' || next == 'O') {
          oldIsKey = next == 'K';
          old = tuple(buffer);
          next = buffer.get();
        }
        expect(next, 'N', "Update");
        handler.update(relation, old, oldIsKey, tuple(buffer));
      }
      case 'D' -> {
        int relation = buffer.getInt();
        byte kind = buffer.get();
        if (kind != 'K' && kind != 'O') {
          throw new IllegalStateException("pgoutput Delete: expected 'K' or 'O', got '" + (char) kind + "'");
        }
        handler.delete(relation, tuple(buffer), kind == 'K');
      }
      case 'T' -> {
        int count = buffer.getInt();
        buffer.get(); // options: CASCADE, RESTART IDENTITY
        int[] relations = new int[count];
        for (int i = 0; i < count; i++) {
          relations[i] = buffer.getInt();
        }
        handler.truncate(relations);
      }
      case 'M' -> {
        boolean transactional = (buffer.get() & 1) != 0;
        long lsn = buffer.getLong();
        String prefix = string(buffer);
        byte[] content = new byte[buffer.getInt()];
        buffer.get(content);
        handler.message(transactional, lsn, prefix, content);
      }
      case 'Y', 'O' -> { } // types (we know columns by name from the catalog) and origins: nothing to do
      default -> throw new IllegalStateException("unknown pgoutput message type '" + (char) type + "'");
    }
  }

  private static Relation relation(ByteBuffer buffer) {
    int id = buffer.getInt();
    String namespace = string(buffer);
    String name = string(buffer);
    char identity = (char) buffer.get();
    int count = buffer.getShort();
    List<Column> columns = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      boolean key = (buffer.get() & 1) != 0;
      String column = string(buffer);
      int typeOid = buffer.getInt();
      buffer.getInt(); // atttypmod
      columns.add(new Column(column, key, typeOid));
    }
    return new Relation(id, namespace.isEmpty() ? "pg_catalog" : namespace, name, identity, columns);
  }

  private static Tuple tuple(ByteBuffer buffer) {
    int count = buffer.getShort();
    Tuple tuple = new Tuple(count);
    for (int i = 0; i < count; i++) {
      byte kind = buffer.get();
      tuple.kinds[i] = kind;
      switch (kind) {
        case 'n', 'u' -> { }
        case 't', 'b' -> {
          byte[] value = new byte[buffer.getInt()];
          buffer.get(value);
          tuple.values[i] = value;
        }
        default -> throw new IllegalStateException("pgoutput TupleData: unknown column kind '" + (char) kind + "'");
      }
    }
    return tuple;
  }

  private static String string(ByteBuffer buffer) {
    int start = buffer.position();
    int end = start;
    while (buffer.get(end) != 0) {
      end++;
    }
    byte[] bytes = new byte[end - start];
    buffer.get(bytes);
    buffer.get(); // the terminating zero
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void expect(byte actual, char expected, String message) {
    if (actual != expected) {
      throw new IllegalStateException("pgoutput " + message + ": expected '" + expected + "', got '" + (char) actual + "'");
    }
  }
}
