package io.airbyte.connector.kit.typing;

import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteRecordMessageMeta;
import io.airbyte.protocol.models.AirbyteRecordMessageMetaChange;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code _airbyte_meta} of one row, built while the row is written: the sync id and the changes
 * made to the record (those the source reported, plus the values this destination had to NULL).
 * Reused from row to row; a row without changes costs no allocation.
 */
public final class RecordMeta {

  private final String unchanged;
  private final String prefix;
  private final List<AirbyteRecordMessageMetaChange> changes = new ArrayList<>();

  public RecordMeta(Long syncId) {
    this.prefix = "{\"sync_id\":" + (syncId == null ? "null" : syncId) + ",\"changes\":";
    this.unchanged = prefix + "[]}";
  }

  /** Starts a new row with the changes the record already carries (may be null). */
  public void startRow(AirbyteRecordMessageMeta sourceMeta) {
    changes.clear();
    if (sourceMeta != null && sourceMeta.getChanges() != null) {
      changes.addAll(sourceMeta.getChanges());
    }
  }

  /** A value of {@code field} was stored as NULL because it could not be stored as it was. */
  public void nulled(String field, AirbyteRecordMessageMetaChange.Reason reason) {
    changes.add(new AirbyteRecordMessageMetaChange()
        .withField(field)
        .withChange(AirbyteRecordMessageMetaChange.Change.NULLED)
        .withReason(reason));
  }

  /** A value of {@code field} was shortened (e.g. characters a database cannot hold were removed). */
  public void truncated(String field, AirbyteRecordMessageMetaChange.Reason reason) {
    changes.add(new AirbyteRecordMessageMetaChange()
        .withField(field)
        .withChange(AirbyteRecordMessageMetaChange.Change.TRUNCATED)
        .withReason(reason));
  }

  public boolean hasChanges() {
    return !changes.isEmpty();
  }

  /** The meta of the current row as JSON. */
  public String json() {
    return changes.isEmpty() ? unchanged : prefix + Jsons.serialize(changes) + "}";
  }
}
