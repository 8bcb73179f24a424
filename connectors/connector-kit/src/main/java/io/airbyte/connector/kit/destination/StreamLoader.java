package io.airbyte.connector.kit.destination;

import com.fasterxml.jackson.core.JsonParser;
import io.airbyte.protocol.models.AirbyteRecordMessage;
import java.io.IOException;

/**
 * The database side of one stream in a {@link WriteSession}: a destination engine implements it
 * (PostgreSQL, DuckDB), the session decides when to commit and finalize. Records since the last
 * commit are uncommitted work of the session's {@link LoadTransaction}.
 */
public interface StreamLoader {

  StreamTarget target();

  /** Reads a record's data in the pass that reads its line (see {@link io.airbyte.protocol.codec.RecordDataHandler}). */
  void readData(JsonParser parser, byte[] line) throws IOException;

  /** Reads a typed row's values in the pass that reads its line (see {@link io.airbyte.protocol.codec.TypedRowHandler}). */
  void readRow(io.airbyte.protocol.rows.StreamDeclaration stream, io.airbyte.protocol.rows.CopyTextRow row) throws IOException;

  /** Writes a record (its data read by {@link #readData}, or still to read from the record). */
  void write(AirbyteRecordMessage record) throws Exception;

  /** Before each commit, after the transaction's writes ended: e.g. merge staged rows of a dedup stream. */
  void beforeCommit() throws Exception;

  /**
   * The stream completed and everything before is committed: make its data final (swap a truncate
   * refresh's table, remove older generations). Runs in its own transaction, committed by the session.
   */
  void finish() throws Exception;

  /** Whether {@link #finish} ran. */
  boolean complete();

  /** Records written since the last state that covered this stream; resets the count. */
  long takeRecordsSinceState();

  long recordsSinceState();
}
