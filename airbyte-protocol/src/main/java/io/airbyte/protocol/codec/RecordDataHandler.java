package io.airbyte.protocol.codec;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Lets a consumer read a record's data in the same pass that reads the line (a destination that
 * turns it straight into its load format), instead of the reader keeping it raw for a second pass.
 */
@FunctionalInterface
public interface RecordDataHandler {

  /**
   * Called when the reader reaches a record's {@code data} after its stream name.
   *
   * @param namespace the record's namespace as far as the line has told it (null if not yet or not at all)
   * @param parser positioned at the data's START_OBJECT; when consuming, leave it at the matching END_OBJECT
   * @param line the whole line: parser byte offsets index into it
   * @return an object standing for the consumed data, set as the record's {@code consumedBy}; or
   *     null to leave the data to the reader (kept raw), in which case the parser must not have moved
   */
  Object data(String namespace, String stream, JsonParser parser, byte[] line) throws IOException;
}
