package io.airbyte.server.declarative;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/** The request and response bodies of the declarative source definitions, in Airbyte's public API shape. */
final class DeclarativeSourceRequests {

  private DeclarativeSourceRequests() {}

  /** {@code POST …/definitions/declarative_sources}: a name and the manifest, a JSON object. */
  record Create(String name, JsonNode manifest) {}

  /** {@code PUT …/definitions/declarative_sources/{id}}: the new manifest (a new version). */
  record Update(JsonNode manifest) {}

  /** A declarative source definition: its id, name, manifest and version (1, then one more per update). */
  record Response(UUID id, String name, JsonNode manifest, long version) {}

  /**
   * A test read, as Airbyte's Connector Builder server takes it ({@code StreamReadRequestBody}): the
   * manifest, the stream, a config and limits.
   */
  record StreamRead(JsonNode manifest, String stream, JsonNode config, JsonNode state,
      @JsonProperty("record_limit") Integer recordLimit, @JsonProperty("page_limit") Integer pageLimit,
      @JsonProperty("slice_limit") Integer sliceLimit, @JsonProperty("workspace_id") UUID workspaceId) {}
}
