package io.airbyte.connectors.source.postgres;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The metadata Airbyte's CDC sources add to each record: {@code _ab_cdc_lsn} (the position of the
 * change's commit, or for the initial load the slot's position it was read at),
 * {@code _ab_cdc_updated_at} (the commit time) and {@code _ab_cdc_deleted_at} (the commit time of a
 * delete, else null). Mutable: set before each record.
 */
final class CdcFields implements RowWriter.ExtraFields {

  static final String LSN = "_ab_cdc_lsn";
  static final String UPDATED_AT = "_ab_cdc_updated_at";
  static final String DELETED_AT = "_ab_cdc_deleted_at";
  /** PostgreSQL's epoch (2000-01-01) in Unix seconds. */
  private static final long PG_EPOCH_SECONDS = 946_684_800L;
  private static final SerializableString LSN_NAME = new SerializedString(LSN);
  private static final SerializableString UPDATED_NAME = new SerializedString(UPDATED_AT);
  private static final SerializableString DELETED_NAME = new SerializedString(DELETED_AT);

  private long lsn;
  private String updatedAt;
  private boolean deleted;

  void set(long lsn, String updatedAt, boolean deleted) {
    this.lsn = lsn;
    this.updatedAt = updatedAt;
    this.deleted = deleted;
  }

  static boolean isCdcField(String name) {
    return LSN.equals(name) || UPDATED_AT.equals(name) || DELETED_AT.equals(name);
  }

  /** A PostgreSQL timestamp (microseconds since 2000-01-01 UTC) in ISO form. */
  static String timestamp(long pgMicros) {
    long seconds = Math.floorDiv(pgMicros, 1_000_000L);
    long micros = Math.floorMod(pgMicros, 1_000_000L);
    return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(PG_EPOCH_SECONDS + seconds, micros * 1000));
  }

  @Override
  public void write(JsonGenerator g) throws IOException {
    g.writeFieldName(LSN_NAME);
    g.writeNumber(lsn);
    g.writeFieldName(UPDATED_NAME);
    g.writeString(updatedAt);
    g.writeFieldName(DELETED_NAME);
    if (deleted) {
      g.writeString(updatedAt);
    } else {
      g.writeNull();
    }
  }
}
