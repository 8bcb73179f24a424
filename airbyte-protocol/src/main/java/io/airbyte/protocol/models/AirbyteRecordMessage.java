package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.json.RawJson;
import java.util.Objects;

/**
 * One row of a stream. A record read from a connector's output keeps its {@code data} as the raw
 * bytes it arrived in ({@link #getRawData()}), so it can pass through the platform without being
 * parsed or re-serialized; {@link #getData()} parses them on first use.
 */
@JsonPropertyOrder({"namespace", "stream", "emitted_at", "data", "meta", "file_reference"})
public final class AirbyteRecordMessage extends ProtocolObject {

  @JsonProperty("namespace")
  private String namespace;

  @JsonProperty("stream")
  private String stream;

  @JsonProperty("emitted_at")
  private Long emittedAt;

  @JsonIgnore
  private JsonNode data;

  @JsonIgnore
  private RawJson rawData;

  @JsonIgnore
  private Object consumedBy;

  @JsonProperty("meta")
  private AirbyteRecordMessageMeta meta;

  @JsonProperty("file_reference")
  private AirbyteRecordMessageFileReference fileReference;

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public AirbyteRecordMessage withNamespace(String namespace) {
    this.namespace = namespace;
    return this;
  }

  public String getStream() {
    return stream;
  }

  public void setStream(String stream) {
    this.stream = stream;
  }

  public AirbyteRecordMessage withStream(String stream) {
    this.stream = stream;
    return this;
  }

  public Long getEmittedAt() {
    return emittedAt;
  }

  public void setEmittedAt(Long emittedAt) {
    this.emittedAt = emittedAt;
  }

  public AirbyteRecordMessage withEmittedAt(Long emittedAt) {
    this.emittedAt = emittedAt;
    return this;
  }

  /**
   * The record's data as a tree. For a record read from a line, the first call parses the raw bytes;
   * from then on the tree is the data (it may be modified) and the raw bytes are dropped.
   */
  public JsonNode getData() {
    if (data == null && rawData != null) {
      data = rawData.parse();
      rawData = null;
    }
    return data;
  }

  public void setData(JsonNode data) {
    this.data = data;
    this.rawData = null;
  }

  public AirbyteRecordMessage withData(JsonNode data) {
    setData(data);
    return this;
  }

  /** The data exactly as it was read, or null when the data is a tree (built or already parsed). */
  public RawJson getRawData() {
    return rawData;
  }

  public void setRawData(RawJson rawData) {
    this.rawData = rawData;
    this.data = null;
  }

  public AirbyteRecordMessage withRawData(RawJson rawData) {
    setRawData(rawData);
    return this;
  }

  /**
   * Set when a {@link io.airbyte.protocol.codec.RecordDataHandler} consumed the data while the line
   * was read: the handler's own stand-in for it. The record then holds no data of its own.
   */
  public Object getConsumedBy() {
    return consumedBy;
  }

  public void setConsumedBy(Object consumedBy) {
    this.consumedBy = consumedBy;
    this.data = null;
    this.rawData = null;
  }

  public AirbyteRecordMessageMeta getMeta() {
    return meta;
  }

  public void setMeta(AirbyteRecordMessageMeta meta) {
    this.meta = meta;
  }

  public AirbyteRecordMessage withMeta(AirbyteRecordMessageMeta meta) {
    this.meta = meta;
    return this;
  }

  public AirbyteRecordMessageFileReference getFileReference() {
    return fileReference;
  }

  public void setFileReference(AirbyteRecordMessageFileReference fileReference) {
    this.fileReference = fileReference;
  }

  public AirbyteRecordMessage withFileReference(AirbyteRecordMessageFileReference fileReference) {
    this.fileReference = fileReference;
    return this;
  }

  @JsonProperty("data")
  private Object dataForJson() {
    return rawData != null ? rawData : data;
  }

  @JsonProperty("data")
  private void dataFromJson(JsonNode data) {
    setData(data);
  }

  /** The data as a tree without changing how this record holds it. */
  private JsonNode dataValue() {
    return rawData != null ? rawData.parse() : data;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AirbyteRecordMessage other
        && Objects.equals(namespace, other.namespace)
        && Objects.equals(stream, other.stream)
        && Objects.equals(emittedAt, other.emittedAt)
        && Objects.equals(dataValue(), other.dataValue())
        && Objects.equals(meta, other.meta)
        && Objects.equals(fileReference, other.fileReference)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(namespace, stream, emittedAt, dataValue(), meta, fileReference, getAdditionalProperties());
  }
}
