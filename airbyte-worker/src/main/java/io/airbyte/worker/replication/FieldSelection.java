package io.airbyte.worker.replication;

import io.airbyte.protocol.models.StreamDescriptor;
import java.util.List;

/** The top-level fields of a stream a connection moves; all of them when {@code fields} is empty. */
public record FieldSelection(StreamDescriptor stream, List<String> fields) {

  public FieldSelection {
    fields = fields == null ? List.of() : List.copyOf(fields);
  }
}
