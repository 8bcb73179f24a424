package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/** A stream a source offers: its schema, sync modes, cursor and primary key. */
public final class AirbyteStream extends ProtocolObject {

  @JsonProperty("name")
  private String name;

  @JsonProperty("json_schema")
  private JsonNode jsonSchema;

  @JsonProperty("supported_sync_modes")
  private List<SyncMode> supportedSyncModes;

  @JsonProperty("source_defined_cursor")
  private Boolean sourceDefinedCursor;

  @JsonProperty("default_cursor_field")
  private List<String> defaultCursorField;

  @JsonProperty("source_defined_primary_key")
  private List<List<String>> sourceDefinedPrimaryKey;

  @JsonProperty("namespace")
  private String namespace;

  @JsonProperty("is_resumable")
  private Boolean isResumable;

  @JsonProperty("is_file_based")
  private Boolean isFileBased;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public AirbyteStream withName(String name) {
    this.name = name;
    return this;
  }

  public JsonNode getJsonSchema() {
    return jsonSchema;
  }

  public void setJsonSchema(JsonNode jsonSchema) {
    this.jsonSchema = jsonSchema;
  }

  public AirbyteStream withJsonSchema(JsonNode jsonSchema) {
    this.jsonSchema = jsonSchema;
    return this;
  }

  public List<SyncMode> getSupportedSyncModes() {
    return supportedSyncModes;
  }

  public void setSupportedSyncModes(List<SyncMode> supportedSyncModes) {
    this.supportedSyncModes = supportedSyncModes;
  }

  public AirbyteStream withSupportedSyncModes(List<SyncMode> supportedSyncModes) {
    this.supportedSyncModes = supportedSyncModes;
    return this;
  }

  public Boolean getSourceDefinedCursor() {
    return sourceDefinedCursor;
  }

  public void setSourceDefinedCursor(Boolean sourceDefinedCursor) {
    this.sourceDefinedCursor = sourceDefinedCursor;
  }

  public AirbyteStream withSourceDefinedCursor(Boolean sourceDefinedCursor) {
    this.sourceDefinedCursor = sourceDefinedCursor;
    return this;
  }

  public List<String> getDefaultCursorField() {
    return defaultCursorField;
  }

  public void setDefaultCursorField(List<String> defaultCursorField) {
    this.defaultCursorField = defaultCursorField;
  }

  public AirbyteStream withDefaultCursorField(List<String> defaultCursorField) {
    this.defaultCursorField = defaultCursorField;
    return this;
  }

  public List<List<String>> getSourceDefinedPrimaryKey() {
    return sourceDefinedPrimaryKey;
  }

  public void setSourceDefinedPrimaryKey(List<List<String>> sourceDefinedPrimaryKey) {
    this.sourceDefinedPrimaryKey = sourceDefinedPrimaryKey;
  }

  public AirbyteStream withSourceDefinedPrimaryKey(List<List<String>> sourceDefinedPrimaryKey) {
    this.sourceDefinedPrimaryKey = sourceDefinedPrimaryKey;
    return this;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public AirbyteStream withNamespace(String namespace) {
    this.namespace = namespace;
    return this;
  }

  public Boolean getIsResumable() {
    return isResumable;
  }

  public void setIsResumable(Boolean isResumable) {
    this.isResumable = isResumable;
  }

  public AirbyteStream withIsResumable(Boolean isResumable) {
    this.isResumable = isResumable;
    return this;
  }

  public Boolean getIsFileBased() {
    return isFileBased;
  }

  public void setIsFileBased(Boolean isFileBased) {
    this.isFileBased = isFileBased;
  }

  public AirbyteStream withIsFileBased(Boolean isFileBased) {
    this.isFileBased = isFileBased;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AirbyteStream other
        && Objects.equals(name, other.name)
        && Objects.equals(jsonSchema, other.jsonSchema)
        && Objects.equals(supportedSyncModes, other.supportedSyncModes)
        && Objects.equals(sourceDefinedCursor, other.sourceDefinedCursor)
        && Objects.equals(defaultCursorField, other.defaultCursorField)
        && Objects.equals(sourceDefinedPrimaryKey, other.sourceDefinedPrimaryKey)
        && Objects.equals(namespace, other.namespace)
        && Objects.equals(isResumable, other.isResumable)
        && Objects.equals(isFileBased, other.isFileBased)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, jsonSchema, supportedSyncModes, sourceDefinedCursor, defaultCursorField, sourceDefinedPrimaryKey, namespace, isResumable, isFileBased, getAdditionalProperties());
  }
}
