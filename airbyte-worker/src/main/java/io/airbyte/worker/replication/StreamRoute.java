package io.airbyte.worker.replication;

import io.airbyte.protocol.models.StreamDescriptor;
import java.util.Set;

/**
 * Where the records of one source stream go: the destination stream (namespace and prefix applied)
 * and the top-level fields kept ({@code null}: all). A record of a pass-through route is forwarded
 * as the very line the source wrote.
 */
public record StreamRoute(StreamDescriptor source, StreamDescriptor destination, Set<String> fields) {

  public boolean renames() {
    return !source.equals(destination);
  }

  public boolean filtersFields() {
    return fields != null;
  }

  public boolean passThrough() {
    return !renames() && !filtersFields();
  }
}
