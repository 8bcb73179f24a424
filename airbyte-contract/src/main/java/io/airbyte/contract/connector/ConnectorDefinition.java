package io.airbyte.contract.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.UUID;

/**
 * A connector definition at its default version: what the database stores, the API shows and the
 * worker runs. The identity (name, documentation, spec and protocol version of that version) says
 * what the connector is; {@link #runtime} says how it runs. Built-in definitions belong to no
 * workspace, custom ones to one; {@code versionId} is the stored version's row, null for a
 * definition not stored yet.
 */
public record ConnectorDefinition(
    UUID id,
    ActorType type,
    String name,
    String version,
    String documentationUrl,
    JsonNode spec,
    String protocolVersion,
    boolean builtIn,
    UUID workspaceId,
    UUID versionId,
    ConnectorRuntime runtime) {

  public ConnectorDefinition {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(runtime, "runtime");
  }

  /**
   * The Docker image this definition stands for, as the API names it ({@code dockerRepository},
   * {@code dockerImageTag}): a Docker runtime's own image; for a built-in jar our image of it at this
   * version, {@code airbyte/source-postgres:dev}; for a Python package the image Airbyte publishes it
   * as ({@link ConnectorRuntime.PythonPackage#image}); for a manifest the image of the CDK that runs
   * it ({@link ConnectorRuntime.DeclarativeManifest#image}).
   */
  public ConnectorRuntime.DockerImage image() {
    return runtime.match(image -> image, jar -> jar.image(version), ConnectorRuntime.PythonPackage::image,
        ConnectorRuntime.DeclarativeManifest::image);
  }
}
