package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/** A stream selected for a sync: source and destination sync mode, cursor, primary key, generation. */
public final class ConfiguredAirbyteStream extends ProtocolObject {

  @JsonProperty("stream")
  private AirbyteStream stream;

  @JsonProperty("sync_mode")
  private SyncMode syncMode;

  @JsonProperty("cursor_field")
  private List<String> cursorField;

  @JsonProperty("destination_sync_mode")
  private DestinationSyncMode destinationSyncMode;

  @JsonProperty("destination_object_name")
  private String destinationObjectName;

  @JsonProperty("primary_key")
  private List<List<String>> primaryKey;

  @JsonProperty("generation_id")
  private Long generationId;

  @JsonProperty("minimum_generation_id")
  private Long minimumGenerationId;

  @JsonProperty("sync_id")
  private Long syncId;

  @JsonProperty("include_files")
  private Boolean includeFiles;

  public AirbyteStream getStream() {
    return stream;
  }

  public void setStream(AirbyteStream stream) {
    this.stream = stream;
  }

  public ConfiguredAirbyteStream withStream(AirbyteStream stream) {
    this.stream = stream;
    return this;
  }

  public SyncMode getSyncMode() {
    return syncMode;
  }

  public void setSyncMode(SyncMode syncMode) {
    this.syncMode = syncMode;
  }

  public ConfiguredAirbyteStream withSyncMode(SyncMode syncMode) {
    this.syncMode = syncMode;
    return this;
  }

  public List<String> getCursorField() {
    return cursorField;
  }

  public void setCursorField(List<String> cursorField) {
    this.cursorField = cursorField;
  }

  public ConfiguredAirbyteStream withCursorField(List<String> cursorField) {
    this.cursorField = cursorField;
    return this;
  }

  public DestinationSyncMode getDestinationSyncMode() {
    return destinationSyncMode;
  }

  public void setDestinationSyncMode(DestinationSyncMode destinationSyncMode) {
    this.destinationSyncMode = destinationSyncMode;
  }

  public ConfiguredAirbyteStream withDestinationSyncMode(DestinationSyncMode destinationSyncMode) {
    this.destinationSyncMode = destinationSyncMode;
    return this;
  }

  public String getDestinationObjectName() {
    return destinationObjectName;
  }

  public void setDestinationObjectName(String destinationObjectName) {
    this.destinationObjectName = destinationObjectName;
  }

  public ConfiguredAirbyteStream withDestinationObjectName(String destinationObjectName) {
    this.destinationObjectName = destinationObjectName;
    return this;
  }

  public List<List<String>> getPrimaryKey() {
    return primaryKey;
  }

  public void setPrimaryKey(List<List<String>> primaryKey) {
    this.primaryKey = primaryKey;
  }

  public ConfiguredAirbyteStream withPrimaryKey(List<List<String>> primaryKey) {
    this.primaryKey = primaryKey;
    return this;
  }

  public Long getGenerationId() {
    return generationId;
  }

  public void setGenerationId(Long generationId) {
    this.generationId = generationId;
  }

  public ConfiguredAirbyteStream withGenerationId(Long generationId) {
    this.generationId = generationId;
    return this;
  }

  public Long getMinimumGenerationId() {
    return minimumGenerationId;
  }

  public void setMinimumGenerationId(Long minimumGenerationId) {
    this.minimumGenerationId = minimumGenerationId;
  }

  public ConfiguredAirbyteStream withMinimumGenerationId(Long minimumGenerationId) {
    this.minimumGenerationId = minimumGenerationId;
    return this;
  }

  public Long getSyncId() {
    return syncId;
  }

  public void setSyncId(Long syncId) {
    this.syncId = syncId;
  }

  public ConfiguredAirbyteStream withSyncId(Long syncId) {
    this.syncId = syncId;
    return this;
  }

  public Boolean getIncludeFiles() {
    return includeFiles;
  }

  public void setIncludeFiles(Boolean includeFiles) {
    this.includeFiles = includeFiles;
  }

  public ConfiguredAirbyteStream withIncludeFiles(Boolean includeFiles) {
    this.includeFiles = includeFiles;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof ConfiguredAirbyteStream other
        && Objects.equals(stream, other.stream)
        && Objects.equals(syncMode, other.syncMode)
        && Objects.equals(cursorField, other.cursorField)
        && Objects.equals(destinationSyncMode, other.destinationSyncMode)
        && Objects.equals(destinationObjectName, other.destinationObjectName)
        && Objects.equals(primaryKey, other.primaryKey)
        && Objects.equals(generationId, other.generationId)
        && Objects.equals(minimumGenerationId, other.minimumGenerationId)
        && Objects.equals(syncId, other.syncId)
        && Objects.equals(includeFiles, other.includeFiles)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(stream, syncMode, cursorField, destinationSyncMode, destinationObjectName, primaryKey, generationId, minimumGenerationId, syncId, includeFiles, getAdditionalProperties());
  }
}
