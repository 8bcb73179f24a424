package io.airbyte.server.connection;

import io.airbyte.protocol.models.AirbyteCatalog;
import io.airbyte.protocol.models.AirbyteStream;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a new discover changes against a connection's catalog: streams and top-level fields added or removed. */
record CatalogDiff(List<String> addedStreams, List<String> removedStreams, List<StreamChange> changedStreams) {

  record StreamChange(String stream, List<String> addedFields, List<String> removedFields) {}

  static CatalogDiff between(ConfiguredAirbyteCatalog current, AirbyteCatalog discovered) {
    Map<String, AirbyteStream> now = new HashMap<>();
    discovered.getStreams().forEach(s -> now.put(key(s), s));
    Map<String, AirbyteStream> before = new HashMap<>();
    for (ConfiguredAirbyteStream s : current.getStreams()) {
      before.put(key(s.getStream()), s.getStream());
    }
    List<String> added = now.keySet().stream().filter(k -> !before.containsKey(k)).sorted().toList();
    List<String> removed = before.keySet().stream().filter(k -> !now.containsKey(k)).sorted().toList();
    List<StreamChange> changed = new ArrayList<>();
    for (String k : before.keySet().stream().filter(now::containsKey).sorted().toList()) {
      Set<String> old = fields(before.get(k));
      Set<String> fresh = fields(now.get(k));
      List<String> addedFields = fresh.stream().filter(f -> !old.contains(f)).toList();
      List<String> removedFields = old.stream().filter(f -> !fresh.contains(f)).toList();
      if (!addedFields.isEmpty() || !removedFields.isEmpty()) {
        changed.add(new StreamChange(k, addedFields, removedFields));
      }
    }
    return new CatalogDiff(added, removed, changed);
  }

  private static String key(AirbyteStream s) {
    return (s.getNamespace() == null ? "" : s.getNamespace() + ".") + s.getName();
  }

  private static Set<String> fields(AirbyteStream s) {
    Set<String> fields = new LinkedHashSet<>();
    var properties = s.getJsonSchema() == null ? null : s.getJsonSchema().get("properties");
    if (properties != null) {
      properties.fieldNames().forEachRemaining(fields::add);
    }
    return fields;
  }
}
