package io.airbyte.server.connection;

import io.airbyte.protocol.models.AirbyteStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /streams?sourceId=&destinationId=}: the source's streams and what each allows, from a discover. */
@RestController
class StreamsController {

  record StreamProperties(String streamName, String streamnamespace, List<String> syncModes, List<String> defaultCursorField,
      boolean sourceDefinedCursorField, List<List<String>> sourceDefinedPrimaryKey, List<List<String>> propertyFields) {}

  private final SourceCatalogs catalogs;

  StreamsController(SourceCatalogs catalogs) {
    this.catalogs = catalogs;
  }

  @GetMapping("/api/public/v1/streams")
  List<StreamProperties> streams(@RequestParam UUID sourceId, @RequestParam(required = false) UUID destinationId) {
    List<StreamProperties> streams = new ArrayList<>();
    for (AirbyteStream s : catalogs.discover(sourceId).getStreams()) {
      List<List<String>> fields = new ArrayList<>();
      var properties = s.getJsonSchema() == null ? null : s.getJsonSchema().get("properties");
      if (properties != null) {
        for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
          fields.add(List.of(it.next()));
        }
      }
      streams.add(new StreamProperties(s.getName(), s.getNamespace(), SyncModes.offered(s.getSupportedSyncModes()),
          s.getDefaultCursorField() == null ? List.of() : s.getDefaultCursorField(),
          Boolean.TRUE.equals(s.getSourceDefinedCursor()),
          s.getSourceDefinedPrimaryKey() == null ? List.of() : s.getSourceDefinedPrimaryKey(), fields));
    }
    return streams;
  }
}
