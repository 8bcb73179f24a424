package io.airbyte.worker.replication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.AirbyteStateType;
import io.airbyte.protocol.models.AirbyteStreamState;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.StreamDescriptor;
import io.airbyte.worker.state.InputStates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The connection's catalog as each side sees it: the source reads the selected streams with their
 * selected fields; the destination receives them under their mapped names. Records, states and
 * stream statuses are translated through the same routes.
 */
public final class CatalogMapping {

  private final ConfiguredAirbyteCatalog sourceCatalog;
  private final ConfiguredAirbyteCatalog destinationCatalog;
  private final Map<StreamDescriptor, StreamRoute> routes = new HashMap<>();
  private final boolean identity;

  public CatalogMapping(ConfiguredAirbyteCatalog catalog, List<FieldSelection> selections, NamespaceMapping namespaces) {
    Map<StreamDescriptor, List<String>> selected = new HashMap<>();
    for (FieldSelection s : selections) {
      if (!s.fields().isEmpty()) {
        selected.put(s.stream(), s.fields());
      }
    }
    List<ConfiguredAirbyteStream> sourceStreams = new ArrayList<>();
    List<ConfiguredAirbyteStream> destinationStreams = new ArrayList<>();
    boolean allIdentity = true;
    for (ConfiguredAirbyteStream configured : catalog.getStreams()) {
      StreamDescriptor source = InputStates.descriptor(configured);
      Set<String> fields = fieldsOf(configured, selected.get(source));
      ConfiguredAirbyteStream forSource = copy(configured);
      if (fields != null) {
        forSource.getStream().setJsonSchema(pruned(configured.getStream().getJsonSchema(), fields));
      }
      StreamDescriptor destination = namespaces.map(source);
      ConfiguredAirbyteStream forDestination = copy(forSource);
      forDestination.getStream().setName(destination.getName());
      forDestination.getStream().setNamespace(destination.getNamespace());
      StreamRoute route = new StreamRoute(source, destination, fields);
      allIdentity &= route.passThrough();
      routes.put(source, route);
      sourceStreams.add(forSource);
      destinationStreams.add(forDestination);
    }
    this.identity = allIdentity;
    this.sourceCatalog = copyCatalog(catalog).withStreams(sourceStreams);
    this.destinationCatalog = copyCatalog(catalog).withStreams(destinationStreams);
  }

  public ConfiguredAirbyteCatalog sourceCatalog() {
    return sourceCatalog;
  }

  public ConfiguredAirbyteCatalog destinationCatalog() {
    return destinationCatalog;
  }

  /** The route of a source stream, or null when the stream is not part of the connection. */
  public StreamRoute route(StreamDescriptor source) {
    return routes.get(source);
  }

  public java.util.Collection<StreamRoute> routes() {
    return routes.values();
  }

  /** The descriptor the destination knows the stream by; unknown streams keep theirs. */
  public StreamDescriptor toDestination(StreamDescriptor source) {
    StreamRoute route = source == null ? null : routes.get(source);
    return route == null ? source : route.destination();
  }

  /** The state as the destination must see it (its stream descriptors mapped); the same object when nothing changes. */
  public AirbyteStateMessage toDestination(AirbyteStateMessage state) {
    if (identity) {
      return state;
    }
    AirbyteStateType type = state.getType();
    if (type == AirbyteStateType.STREAM && state.getStream() != null) {
      AirbyteStateMessage copy = Jsons.convert(state, AirbyteStateMessage.class);
      AirbyteStreamState stream = copy.getStream();
      stream.setStreamDescriptor(toDestination(stream.getStreamDescriptor()));
      return copy;
    }
    if (type == AirbyteStateType.GLOBAL && state.getGlobal() != null && state.getGlobal().getStreamStates() != null) {
      AirbyteStateMessage copy = Jsons.convert(state, AirbyteStateMessage.class);
      for (AirbyteStreamState s : copy.getGlobal().getStreamStates()) {
        s.setStreamDescriptor(toDestination(s.getStreamDescriptor()));
      }
      return copy;
    }
    return state;
  }

  public boolean isIdentity() {
    return identity;
  }

  /** Selected fields plus the cursor and primary key, which a sync cannot do without; null for all. */
  private static Set<String> fieldsOf(ConfiguredAirbyteStream stream, List<String> selected) {
    if (selected == null) {
      return null;
    }
    Set<String> fields = new LinkedHashSet<>(selected);
    if (stream.getCursorField() != null && !stream.getCursorField().isEmpty()) {
      fields.add(stream.getCursorField().get(0));
    }
    if (stream.getPrimaryKey() != null) {
      stream.getPrimaryKey().stream().filter(k -> !k.isEmpty()).forEach(k -> fields.add(k.get(0)));
    }
    JsonNode properties = stream.getStream().getJsonSchema() == null ? null : stream.getStream().getJsonSchema().get("properties");
    if (properties != null && properties.isObject()) {
      // a selection of every field is no selection: records then pass through untouched
      boolean all = true;
      for (var it = properties.fieldNames(); it.hasNext(); ) {
        all &= fields.contains(it.next());
      }
      if (all) {
        return null;
      }
    }
    return Set.copyOf(fields);
  }

  private static JsonNode pruned(JsonNode schema, Set<String> fields) {
    if (schema == null || !schema.isObject() || !(schema.get("properties") instanceof ObjectNode properties)) {
      return schema;
    }
    ObjectNode copy = schema.deepCopy();
    ((ObjectNode) copy.get("properties")).retain(fields);
    if (copy.get("required") != null && copy.get("required").isArray()) {
      var required = Jsons.mapper().createArrayNode();
      copy.get("required").forEach(r -> {
        if (fields.contains(r.asText())) {
          required.add(r);
        }
      });
      copy.set("required", required);
    }
    return copy;
  }

  private static ConfiguredAirbyteStream copy(ConfiguredAirbyteStream stream) {
    return Jsons.convert(stream, ConfiguredAirbyteStream.class);
  }

  private static ConfiguredAirbyteCatalog copyCatalog(ConfiguredAirbyteCatalog catalog) {
    return Jsons.convert(catalog, ConfiguredAirbyteCatalog.class);
  }
}
