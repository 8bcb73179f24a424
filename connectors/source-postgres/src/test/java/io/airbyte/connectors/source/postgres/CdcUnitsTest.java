package io.airbyte.connectors.source.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airbyte.connector.kit.ConfigErrorException;
import io.airbyte.protocol.json.Jsons;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The logic of CDC without a database: pgoutput decoding, the snapshot filter, arrays, the config. */
class CdcUnitsTest {

  @Test
  void decodesARelationAndAnUpdateWithAnUnchangedToastedValue() throws IOException {
    List<String> seen = new ArrayList<>();
    PgOutputDecoder.Handler handler = new Recording(seen);
    PgOutputDecoder decoder = new PgOutputDecoder();
    decoder.decode(message(out -> {
      out.writeByte('R');
      out.writeInt(42);
      cstring(out, "public");
      cstring(out, "a");
      out.writeByte('d');
      out.writeShort(2);
      out.writeByte(1);
      cstring(out, "id");
      out.writeInt(23);
      out.writeInt(-1);
      out.writeByte(0);
      cstring(out, "doc");
      out.writeInt(25);
      out.writeInt(-1);
    }), handler);
    decoder.decode(message(out -> {
      out.writeByte('U');
      out.writeInt(42);
      out.writeByte('N');
      out.writeShort(2);
      out.writeByte('t');
      out.writeInt(1);
      out.write('7');
      out.writeByte('u');
    }), handler);
    assertThat(seen).containsExactly("relation public.a [id*, doc]", "update 42 old=null new=[t:7, u]");
  }

  @Test
  void theFilterSkipsWhatTheSnapshotSawAcrossTheEpoch() {
    long epoch = 1L << 32;
    SnapshotFilter filter = new SnapshotFilter(epoch + 100, epoch + 110, Set.of(epoch + 105), 0);
    assertThat(filter.saw(99)).isTrue();
    assertThat(filter.saw(104)).isTrue();
    assertThat(filter.saw(105)).as("running at the snapshot").isFalse();
    assertThat(filter.saw(110)).as("started after").isFalse();
    SnapshotFilter wrapped = new SnapshotFilter(epoch - 5, epoch + 3, Set.of(), 0);
    assertThat(wrapped.saw(epoch - 10 & 0xFFFFFFFFL)).as("before the epoch's turn").isTrue();
    assertThat(wrapped.saw(1)).as("committed between xmin and xmax").isTrue();
    assertThat(wrapped.saw(3)).as("xmax: after the snapshot").isFalse();
    assertThat(wrapped.saw(4)).isFalse();
    assertThat(SnapshotFilter.fromJson(filter.toJson())).isEqualTo(filter);
  }

  @Test
  void arraysReadAsToJsonMakesThem() {
    assertThat(PgArrayJson.toJson("{1,2,NULL}", ValueKind.INTEGER)).isEqualTo("[1,2,null]");
    assertThat(PgArrayJson.toJson("{\"a b\",\"c,d\",\"q\\\"x\",NULL}", ValueKind.STRING))
        .isEqualTo("[\"a b\",\"c,d\",\"q\\\"x\",null]");
    assertThat(PgArrayJson.toJson("{{1,2},{3,4}}", ValueKind.INTEGER)).isEqualTo("[[1,2],[3,4]]");
    assertThat(PgArrayJson.toJson("{t,f}", ValueKind.BOOLEAN)).isEqualTo("[true,false]");
    assertThat(PgArrayJson.toJson("{\"2024-01-01 10:00:00+02\"}", ValueKind.TIMESTAMPTZ))
        .isEqualTo("[\"2024-01-01T10:00:00+02:00\"]");
    assertThat(PgArrayJson.toJson("{}", ValueKind.STRING)).isEqualTo("[]");
  }

  @Test
  void theConfigNamesTheFieldAtFault() {
    assertThatThrownBy(() -> CdcConfig.from(Jsons.deserialize("{\"method\":\"CDC\",\"publication\":\"p\"}")))
        .isInstanceOf(ConfigErrorException.class).hasMessageContaining("replication_method.replication_slot");
    assertThatThrownBy(() -> CdcConfig.from(Jsons.deserialize(
        "{\"method\":\"CDC\",\"replication_slot\":\"s\",\"publication\":\"p\",\"lsn_commit_behaviour\":\"never\"}")))
        .hasMessageContaining("replication_method.lsn_commit_behaviour");
    assertThatThrownBy(() -> CdcConfig.from(Jsons.deserialize(
        "{\"method\":\"CDC\",\"replication_slot\":\"s\",\"publication\":\"p\",\"initial_waiting_seconds\":5}")))
        .hasMessageContaining("replication_method.initial_waiting_seconds must be between 120 and 2400");
    CdcConfig defaults = CdcConfig.from(Jsons.deserialize("{\"method\":\"CDC\",\"replication_slot\":\"s\",\"publication\":\"p\"}"));
    assertThat(defaults.commitAfterLoad()).isTrue();
    assertThat(defaults.resyncOnLostPosition()).isFalse();
    assertThat(defaults.queueSize()).isEqualTo(10_000);
    assertThat(defaults.initialWaiting().toSeconds()).isEqualTo(1200);
  }

  @Test
  void commitTimesAreIsoInstants() {
    assertThat(CdcFields.timestamp(0)).isEqualTo("2000-01-01T00:00:00Z");
    assertThat(CdcFields.timestamp(1_500_000)).isEqualTo("2000-01-01T00:00:01.500Z");
  }

  private interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  private static ByteBuffer message(Body body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    body.write(new DataOutputStream(bytes));
    return ByteBuffer.wrap(bytes.toByteArray());
  }

  private static void cstring(DataOutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
    out.writeByte(0);
  }

  private record Recording(List<String> seen) implements PgOutputDecoder.Handler {
    @Override
    public void begin(long finalLsn, long commitMicros, long xid) {
      seen.add("begin " + xid);
    }

    @Override
    public void commit(long commitLsn, long endLsn, long commitMicros) {
      seen.add("commit " + endLsn);
    }

    @Override
    public void relation(PgOutputDecoder.Relation r) {
      seen.add("relation " + r.namespace() + "." + r.name() + " "
          + r.columns().stream().map(c -> c.name() + (c.key() ? "*" : "")).toList());
    }

    @Override
    public void insert(int relationId, PgOutputDecoder.Tuple row) {
      seen.add("insert " + relationId + " " + text(row));
    }

    @Override
    public void update(int relationId, PgOutputDecoder.Tuple old, boolean oldIsKey, PgOutputDecoder.Tuple row) {
      seen.add("update " + relationId + " old=" + (old == null ? "null" : text(old)) + " new=" + text(row));
    }

    @Override
    public void delete(int relationId, PgOutputDecoder.Tuple old, boolean oldIsKey) {
      seen.add("delete " + relationId);
    }

    @Override
    public void truncate(int[] relationIds) {
      seen.add("truncate");
    }

    @Override
    public void message(boolean transactional, long lsn, String prefix, byte[] content) {
      seen.add("message " + prefix);
    }

    private static String text(PgOutputDecoder.Tuple t) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < t.size(); i++) {
        values.add((char) t.kinds[i] + (t.values[i] == null ? "" : ":" + new String(t.values[i], StandardCharsets.UTF_8)));
      }
      return values.toString();
    }
  }
}
