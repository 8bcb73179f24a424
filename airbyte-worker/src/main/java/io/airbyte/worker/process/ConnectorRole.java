package io.airbyte.worker.process;

/** Which side a connector plays; part of its process or container name and labels. */
public enum ConnectorRole {
  SOURCE,
  DESTINATION,
  /** spec of an image whose side is not known yet */
  CONNECTOR;

  /** The role of a source or a destination actor. */
  public static ConnectorRole of(io.airbyte.contract.connector.ActorType type) {
    return type == io.airbyte.contract.connector.ActorType.DESTINATION ? DESTINATION : SOURCE;
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
