package io.airbyte.protocol.models;

import static io.airbyte.protocol.JsonAssertions.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.ProtocolSchema;
import io.airbyte.protocol.codec.AirbyteMessageReader;
import io.airbyte.protocol.codec.AirbyteMessageWriter;
import io.airbyte.protocol.codec.ProtocolLine;
import io.airbyte.protocol.json.Jsons;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message type, with all optional fields and with unknown extra fields at every level,
 * validates against the official schema and round-trips to equal JSON, through the model and
 * through the line codec.
 */
class ConformanceTest {

  static Stream<Path> messageFixtures() throws IOException, URISyntaxException {
    Path dir = Path.of(ConformanceTest.class.getResource("/messages").toURI());
    return Files.list(dir).filter(p -> p.toString().endsWith(".json")).sorted();
  }

  @ParameterizedTest
  @MethodSource("messageFixtures")
  void fixtureIsAValidMessage(Path fixture) throws IOException {
    assertThat(ProtocolSchema.validate("AirbyteMessage", read(fixture))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("messageFixtures")
  void roundTripsThroughTheModel(Path fixture) throws IOException {
    JsonNode original = read(fixture);
    AirbyteMessage message = Jsons.mapper().treeToValue(original, AirbyteMessage.class);
    JsonNode written = Jsons.toTree(message);
    assertSameJson(written, original);
    assertThat(ProtocolSchema.validate("AirbyteMessage", written)).isEmpty();
    assertThat(Jsons.deserialize(message.toString(), AirbyteMessage.class)).isEqualTo(message);
  }

  @ParameterizedTest
  @MethodSource("messageFixtures")
  void roundTripsThroughTheLineCodec(Path fixture) throws IOException {
    JsonNode original = read(fixture);
    ProtocolLine line = readOneLine(Jsons.serialize(original));
    assertThat(line).isInstanceOf(ProtocolLine.Message.class);
    ProtocolLine.Message message = (ProtocolLine.Message) line;

    ByteArrayOutputStream reserialized = new ByteArrayOutputStream();
    ByteArrayOutputStream passedThrough = new ByteArrayOutputStream();
    try (AirbyteMessageWriter writer = new AirbyteMessageWriter(reserialized);
        AirbyteMessageWriter raw = new AirbyteMessageWriter(passedThrough)) {
      writer.write(message.message());
      raw.writeLine(message.line());
    }
    String out = reserialized.toString(StandardCharsets.UTF_8);
    assertThat(out).endsWith("\n").doesNotContain("\n\n");
    assertThat(out.strip()).doesNotContain("\n");
    JsonNode written = Jsons.deserialize(out);
    assertSameJson(written, original);
    assertThat(ProtocolSchema.validate("AirbyteMessage", written)).isEmpty();
    assertThat(passedThrough.toString(StandardCharsets.UTF_8)).isEqualTo(Jsons.serialize(original) + "\n");
  }

  @Test
  void configuredCatalogWithEveryFieldRoundTrips() throws IOException, URISyntaxException {
    JsonNode original = read(Path.of(getClass().getResource("/configured_catalog.json").toURI()));
    assertThat(ProtocolSchema.validate("ConfiguredAirbyteCatalog", original)).isEmpty();
    ConfiguredAirbyteCatalog catalog = Jsons.mapper().treeToValue(original, ConfiguredAirbyteCatalog.class);
    assertThat(catalog.getStreams().get(0).getGenerationId()).isEqualTo(3L);
    assertThat(catalog.getStreams().get(0).getMinimumGenerationId()).isZero();
    assertThat(catalog.getStreams().get(0).getSyncId()).isEqualTo(1234567890123L);
    assertThat(catalog.getStreams().get(0).getDestinationSyncMode()).isEqualTo(DestinationSyncMode.APPEND_DEDUP);
    assertSameJson(Jsons.toTree(catalog), original);
  }

  /** The fixtures use every property the schema defines, so "all optional fields" is checked, not assumed. */
  @Test
  void fixturesCoverEveryPropertyOfTheSchema() throws Exception {
    Set<String> covered = new TreeSet<>();
    try (Stream<Path> fixtures = messageFixtures()) {
      for (Path fixture : fixtures.toList()) {
        cover(read(fixture), ref("AirbyteMessage"), "AirbyteMessage", covered);
      }
    }
    cover(read(Path.of(getClass().getResource("/configured_catalog.json").toURI())),
        ref("ConfiguredAirbyteCatalog"), "ConfiguredAirbyteCatalog", covered);

    Set<String> expected = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = ProtocolSchema.definitions().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> d = it.next();
      declared(d.getValue(), d.getKey(), expected);
    }
    assertThat(covered).containsAll(expected);
  }

  @Test
  void messagesBuiltWithTheModelAreValid() {
    List<AirbyteMessage> built = List.of(
        new AirbyteMessage().withType(AirbyteMessage.Type.RECORD).withRecord(new AirbyteRecordMessage()
            .withStream("s").withEmittedAt(1L).withData(Jsons.object().put("a", 1))),
        new AirbyteMessage().withType(AirbyteMessage.Type.STATE).withState(new AirbyteStateMessage()
            .withType(AirbyteStateType.STREAM)
            .withStream(new AirbyteStreamState().withStreamDescriptor(new StreamDescriptor().withName("s")))
            .withSourceStats(new AirbyteStateStats().withRecordCount(3.0))),
        new AirbyteMessage().withType(AirbyteMessage.Type.LOG).withLog(new AirbyteLogMessage()
            .withLevel(AirbyteLogMessage.Level.INFO).withMessage("hello")),
        new AirbyteMessage().withType(AirbyteMessage.Type.TRACE).withTrace(new AirbyteTraceMessage()
            .withType(AirbyteTraceMessage.Type.ERROR).withEmittedAt(1.0)
            .withError(new AirbyteErrorTraceMessage().withMessage("x")
                .withFailureType(AirbyteErrorTraceMessage.FailureType.TRANSIENT_ERROR))));
    for (AirbyteMessage message : built) {
      assertThat(ProtocolSchema.validate("AirbyteMessage", Jsons.toTree(message))).as(message.toString()).isEmpty();
    }
  }

  private static void cover(JsonNode value, JsonNode schema, String path, Set<String> covered) {
    String definition = path;
    if (schema.has("$ref")) {
      definition = schema.get("$ref").asText().substring("#/definitions/".length());
      schema = ProtocolSchema.definitions().get(definition);
    }
    if (value.isObject() && schema.has("properties")) {
      for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        JsonNode property = schema.get("properties").get(name);
        if (property != null) {
          covered.add(definition + "." + name);
          cover(value.get(name), property, definition + "." + name, covered);
        }
      }
    } else if (value.isArray() && schema.has("items")) {
      for (JsonNode item : value) {
        cover(item, schema.get("items"), definition, covered);
      }
    }
  }

  private static void declared(JsonNode schema, String path, Set<String> expected) {
    schema.path("properties").fields().forEachRemaining(p -> {
      expected.add(path + "." + p.getKey());
      declared(p.getValue(), path + "." + p.getKey(), expected);
    });
  }

  private static JsonNode ref(String definition) {
    return Jsons.object().put("$ref", "#/definitions/" + definition);
  }

  private static ProtocolLine readOneLine(String line) throws IOException {
    try (AirbyteMessageReader reader = new AirbyteMessageReader(
        new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)))) {
      ProtocolLine first = reader.next();
      assertThat(reader.next()).isNull();
      return first;
    }
  }

  private static JsonNode read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Jsons.mapper().readTree(in);
    }
  }
}
