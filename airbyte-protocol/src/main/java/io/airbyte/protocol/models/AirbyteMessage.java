package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** One line of the Airbyte Protocol: its {@code type} says which one of the other fields is set. */
public final class AirbyteMessage extends ProtocolObject {

  /** Message type. */
  public enum Type {
    @JsonProperty("RECORD")
    RECORD,
    @JsonProperty("STATE")
    STATE,
    @JsonProperty("LOG")
    LOG,
    @JsonProperty("SPEC")
    SPEC,
    @JsonProperty("CONNECTION_STATUS")
    CONNECTION_STATUS,
    @JsonProperty("CATALOG")
    CATALOG,
    @JsonProperty("TRACE")
    TRACE,
    @JsonProperty("CONTROL")
    CONTROL,
    @JsonProperty("DESTINATION_CATALOG")
    DESTINATION_CATALOG
  }

  @JsonProperty("type")
  private Type type;

  @JsonProperty("log")
  private AirbyteLogMessage log;

  @JsonProperty("spec")
  private ConnectorSpecification spec;

  @JsonProperty("connectionStatus")
  private AirbyteConnectionStatus connectionStatus;

  @JsonProperty("catalog")
  private AirbyteCatalog catalog;

  @JsonProperty("record")
  private AirbyteRecordMessage record;

  @JsonProperty("state")
  private AirbyteStateMessage state;

  @JsonProperty("trace")
  private AirbyteTraceMessage trace;

  @JsonProperty("control")
  private AirbyteControlMessage control;

  @JsonProperty("destination_catalog")
  private DestinationCatalog destinationCatalog;

  public Type getType() {
    return type;
  }

  public void setType(Type type) {
    this.type = type;
  }

  public AirbyteMessage withType(Type type) {
    this.type = type;
    return this;
  }

  public AirbyteLogMessage getLog() {
    return log;
  }

  public void setLog(AirbyteLogMessage log) {
    this.log = log;
  }

  public AirbyteMessage withLog(AirbyteLogMessage log) {
    this.log = log;
    return this;
  }

  public ConnectorSpecification getSpec() {
    return spec;
  }

  public void setSpec(ConnectorSpecification spec) {
    this.spec = spec;
  }

  public AirbyteMessage withSpec(ConnectorSpecification spec) {
    this.spec = spec;
    return this;
  }

  public AirbyteConnectionStatus getConnectionStatus() {
    return connectionStatus;
  }

  public void setConnectionStatus(AirbyteConnectionStatus connectionStatus) {
    this.connectionStatus = connectionStatus;
  }

  public AirbyteMessage withConnectionStatus(AirbyteConnectionStatus connectionStatus) {
    this.connectionStatus = connectionStatus;
    return this;
  }

  public AirbyteCatalog getCatalog() {
    return catalog;
  }

  public void setCatalog(AirbyteCatalog catalog) {
    this.catalog = catalog;
  }

  public AirbyteMessage withCatalog(AirbyteCatalog catalog) {
    this.catalog = catalog;
    return this;
  }

  public AirbyteRecordMessage getRecord() {
    return record;
  }

  public void setRecord(AirbyteRecordMessage record) {
    this.record = record;
  }

  public AirbyteMessage withRecord(AirbyteRecordMessage record) {
    this.record = record;
    return this;
  }

  public AirbyteStateMessage getState() {
    return state;
  }

  public void setState(AirbyteStateMessage state) {
    this.state = state;
  }

  public AirbyteMessage withState(AirbyteStateMessage state) {
    this.state = state;
    return this;
  }

  public AirbyteTraceMessage getTrace() {
    return trace;
  }

  public void setTrace(AirbyteTraceMessage trace) {
    this.trace = trace;
  }

  public AirbyteMessage withTrace(AirbyteTraceMessage trace) {
    this.trace = trace;
    return this;
  }

  public AirbyteControlMessage getControl() {
    return control;
  }

  public void setControl(AirbyteControlMessage control) {
    this.control = control;
  }

  public AirbyteMessage withControl(AirbyteControlMessage control) {
    this.control = control;
    return this;
  }

  public DestinationCatalog getDestinationCatalog() {
    return destinationCatalog;
  }

  public void setDestinationCatalog(DestinationCatalog destinationCatalog) {
    this.destinationCatalog = destinationCatalog;
  }

  public AirbyteMessage withDestinationCatalog(DestinationCatalog destinationCatalog) {
    this.destinationCatalog = destinationCatalog;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AirbyteMessage other
        && Objects.equals(type, other.type)
        && Objects.equals(log, other.log)
        && Objects.equals(spec, other.spec)
        && Objects.equals(connectionStatus, other.connectionStatus)
        && Objects.equals(catalog, other.catalog)
        && Objects.equals(record, other.record)
        && Objects.equals(state, other.state)
        && Objects.equals(trace, other.trace)
        && Objects.equals(control, other.control)
        && Objects.equals(destinationCatalog, other.destinationCatalog)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, log, spec, connectionStatus, catalog, record, state, trace, control, destinationCatalog, getAdditionalProperties());
  }
}
