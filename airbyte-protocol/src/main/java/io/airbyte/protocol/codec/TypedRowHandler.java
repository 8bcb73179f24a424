package io.airbyte.protocol.codec;

import io.airbyte.protocol.rows.CopyTextRow;
import io.airbyte.protocol.rows.StreamDeclaration;

/**
 * Lets a destination turn a {@link io.airbyte.protocol.rows.TypedRows} row straight into its load
 * format, as {@link RecordDataHandler} does for a JSON record's data.
 */
@FunctionalInterface
public interface TypedRowHandler {

  /**
   * @param row the row line, loaded: its values are fields {@code TypedRows.FIRST_VALUE} onwards, one per
   *     field of {@code stream}; valid during the call only
   * @return an object standing for the consumed row, set as the record's {@code consumedBy}; or null to
   *     leave the row to the reader (it becomes the record's data)
   */
  Object row(StreamDeclaration stream, CopyTextRow row) throws java.io.IOException;
}
