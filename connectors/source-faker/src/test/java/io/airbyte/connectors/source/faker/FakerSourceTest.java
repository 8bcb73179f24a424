package io.airbyte.connectors.source.faker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.airbyte.connector.kit.ConnectorRunner;
import io.airbyte.protocol.ProtocolSchema;
import io.airbyte.protocol.json.Jsons;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakerSourceTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;

  @Test
  void theSameSeedGivesTheSameBytesWhateverTheParallelism() throws Exception {
    String one = read(config(5000, 7).put("parallelism", 1), catalog("full_refresh"), null).output;
    String four = read(config(5000, 7).put("parallelism", 4).put("records_per_slice", 333), catalog("full_refresh"), null).output;
    assertThat(records(four)).isEqualTo(records(one));
    assertThat(records(read(config(5000, 8), catalog("full_refresh"), null).output)).isNotEqualTo(records(one));
  }

  @Test
  void everyRecordMatchesItsStreamSchemaAndEveryLineTheProtocol() throws Exception {
    Run run = read(config(2000, 3), catalog("full_refresh"), null);
    Map<String, Schema> schemas = new HashMap<>();
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    FakerSource.STREAMS.forEach(s -> schemas.put(s.name(), registry.getSchema(s.jsonSchema())));
    Map<String, Integer> counts = new HashMap<>();
    for (JsonNode message : run.messages()) {
      assertThat(ProtocolSchema.validate("AirbyteMessage", message)).as(message.toString()).isEmpty();
      if (message.get("type").asText().equals("RECORD")) {
        String stream = message.at("/record/stream").asText();
        counts.merge(stream, 1, Integer::sum);
        assertThat(schemas.get(stream).validate(message.at("/record/data"))).as(message.toString()).isEmpty();
        JsonNode data = message.at("/record/data");
        for (String field : List.of("created_at", "updated_at", "added_to_cart_at", "purchased_at", "returned_at")) {
          if (data.hasNonNull(field)) {
            assertThat(data.get(field).asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
          }
        }
      }
    }
    assertThat(counts).containsEntry("users", 2000).containsEntry("products", 100).containsEntry("purchases", 2000);
    Set<Long> purchaseIds = new HashSet<>();
    run.messages().stream().filter(m -> m.at("/record/stream").asText().equals("purchases"))
        .forEach(m -> assertThat(purchaseIds.add(m.at("/record/data/id").asLong())).isTrue());
  }

  @Test
  void incrementalReadsContinueAsAirbyteDoes() throws Exception {
    ObjectNode fixed = config(1500, 11).put("always_updated", false);
    Run first = read(fixed, catalog("incremental"), null);
    assertThat(first.recordCount("users")).isEqualTo(1500);
    Run nothingNew = read(fixed, catalog("incremental"), first.lastStates());
    assertThat(nothingNew.recordCount("users")).isZero();
    Run grown = read(config(1800, 11).put("always_updated", false), catalog("incremental"), first.lastStates());
    assertThat(grown.ids("users")).containsExactlyElementsOf(range(1501, 1800));

    Run updated = read(config(1500, 11), catalog("incremental"), first.lastStates());
    assertThat(updated.recordCount("users")).isEqualTo(1500);
    assertThat(updated.messages().stream().filter(m -> m.at("/record/stream").asText().equals("users"))
        .map(m -> m.at("/record/data/updated_at").asText())).containsOnly("2026-01-01T00:00:00Z");
  }

  @Test
  void aReadKilledMidStreamResumesWithoutGapsOrDuplicates() throws Exception {
    ObjectNode config = config(4000, 5).put("records_per_slice", 500);
    Run crashed = read(config, catalog("incremental"), null, 3);
    assertThat(crashed.exitCode).isEqualTo(1);
    Run resumed = read(config, catalog("incremental"), crashed.lastStates());
    List<Long> ids = new ArrayList<>(crashed.ids("users"));
    ids.addAll(resumed.ids("users"));
    assertThat(ids).containsExactlyElementsOf(range(1, 4000));
  }

  @Test
  void aRandomSeedIsKeptInTheStateSoLaterReadsContinueTheSameData() throws Exception {
    Run first = read(config(100, -1).put("always_updated", false), catalog("incremental"), null);
    long seed = first.lastStates().get(0).at("/stream/stream_state/seed").asLong();
    Run grown = read(config(200, -1).put("always_updated", false), catalog("incremental"), first.lastStates());
    Run reference = read(config(200, seed).put("always_updated", false), catalog("incremental"), null);
    assertThat(grown.messages().stream().filter(m -> m.at("/record/data/id").asLong() == 150
            && m.at("/record/stream").asText().equals("users")).findFirst().orElseThrow().at("/record/data"))
        .isEqualTo(reference.messages().stream().filter(m -> m.at("/record/data/id").asLong() == 150
            && m.at("/record/stream").asText().equals("users")).findFirst().orElseThrow().at("/record/data"));
  }

  private static List<Long> range(long from, long to) {
    List<Long> ids = new ArrayList<>();
    for (long i = from; i <= to; i++) {
      ids.add(i);
    }
    return ids;
  }

  private static ObjectNode config(long count, long seed) {
    return Jsons.object().put("count", count).put("seed", seed);
  }

  private JsonNode catalog(String mode) {
    ObjectNode catalog = Jsons.object();
    var streams = catalog.putArray("streams");
    for (var stream : new FakerSource(CLOCK).discover(Jsons.object()).getStreams()) {
      ObjectNode configured = streams.addObject();
      configured.set("stream", Jsons.toTree(stream));
      configured.put("sync_mode", mode).put("destination_sync_mode", "append");
      configured.putArray("cursor_field").add("updated_at");
    }
    return catalog;
  }

  private static List<String> records(String output) {
    return output.lines().filter(l -> l.contains("\"type\":\"RECORD\"")).toList();
  }

  private Run read(JsonNode config, JsonNode catalog, List<JsonNode> states) throws IOException {
    return read(config, catalog, states, -1);
  }

  private Run read(JsonNode config, JsonNode catalog, List<JsonNode> states, int failAfterStates) throws IOException {
    List<String> args = new ArrayList<>(List.of("read",
        "--config", Files.writeString(dir.resolve("config.json"), Jsons.serialize(config)).toString(),
        "--catalog", Files.writeString(dir.resolve("catalog.json"), Jsons.serialize(catalog)).toString()));
    if (states != null) {
      args.addAll(List.of("--state", Files.writeString(dir.resolve("state.json"), Jsons.serialize(states)).toString()));
    }
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    OutputStream out = failAfterStates < 0 ? written : new FailingAfterStates(written, failAfterStates);
    int code = new ConnectorRunner(new FakerSource(CLOCK), InputStream.nullInputStream(), out, CLOCK)
        .run(args.toArray(String[]::new));
    return new Run(code, written.toString(StandardCharsets.UTF_8));
  }

  private record Run(int exitCode, String output) {
    List<JsonNode> messages() {
      return output.lines().map(Jsons::deserialize).toList();
    }

    long recordCount(String stream) {
      return ids(stream).size();
    }

    List<Long> ids(String stream) {
      return messages().stream().filter(m -> m.get("type").asText().equals("RECORD")
          && m.at("/record/stream").asText().equals(stream)).map(m -> m.at("/record/data/id").asLong()).toList();
    }

    /** The last state of each stream. */
    List<JsonNode> lastStates() {
      Map<String, JsonNode> last = new java.util.LinkedHashMap<>();
      messages().stream().filter(m -> m.get("type").asText().equals("STATE"))
          .forEach(m -> last.put(m.at("/state/stream/stream_descriptor/name").asText(), m.get("state")));
      return new ArrayList<>(last.values());
    }
  }

  /** An output that breaks (as a killed pipe) after some states: a crash mid-read. */
  private static final class FailingAfterStates extends OutputStream {
    private final ByteArrayOutputStream target;
    private final int failAfter;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int states;

    FailingAfterStates(ByteArrayOutputStream target, int failAfter) {
      this.target = target;
      this.failAfter = failAfter;
    }

    @Override
    public void write(int b) throws IOException {
      if (states >= failAfter) {
        throw new IOException("killed");
      }
      line.write(b);
      if (b == '\n') {
        if (line.toString(StandardCharsets.UTF_8).contains("\"type\":\"STATE\"")) {
          states++;
        }
        line.writeTo(target);
        line.reset();
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }
  }
}
