package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/** A possible operation on a destination object. */
public final class DestinationOperation extends ProtocolObject {

  @JsonProperty("object_name")
  private String objectName;

  @JsonProperty("sync_mode")
  private DestinationSyncMode syncMode;

  @JsonProperty("json_schema")
  private JsonNode jsonSchema;

  @JsonProperty("matching_keys")
  private List<List<String>> matchingKeys;

  public String getObjectName() {
    return objectName;
  }

  public void setObjectName(String objectName) {
    this.objectName = objectName;
  }

  public DestinationOperation withObjectName(String objectName) {
    this.objectName = objectName;
    return this;
  }

  public DestinationSyncMode getSyncMode() {
    return syncMode;
  }

  public void setSyncMode(DestinationSyncMode syncMode) {
    this.syncMode = syncMode;
  }

  public DestinationOperation withSyncMode(DestinationSyncMode syncMode) {
    this.syncMode = syncMode;
    return this;
  }

  public JsonNode getJsonSchema() {
    return jsonSchema;
  }

  public void setJsonSchema(JsonNode jsonSchema) {
    this.jsonSchema = jsonSchema;
  }

  public DestinationOperation withJsonSchema(JsonNode jsonSchema) {
    this.jsonSchema = jsonSchema;
    return this;
  }

  public List<List<String>> getMatchingKeys() {
    return matchingKeys;
  }

  public void setMatchingKeys(List<List<String>> matchingKeys) {
    this.matchingKeys = matchingKeys;
  }

  public DestinationOperation withMatchingKeys(List<List<String>> matchingKeys) {
    this.matchingKeys = matchingKeys;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof DestinationOperation other
        && Objects.equals(objectName, other.objectName)
        && Objects.equals(syncMode, other.syncMode)
        && Objects.equals(jsonSchema, other.jsonSchema)
        && Objects.equals(matchingKeys, other.matchingKeys)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(objectName, syncMode, jsonSchema, matchingKeys, getAdditionalProperties());
  }
}
