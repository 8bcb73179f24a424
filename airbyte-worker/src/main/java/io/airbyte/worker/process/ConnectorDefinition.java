package io.airbyte.worker.process;

import java.util.List;
import java.util.Objects;

/**
 * How to run a connector: its Docker image (any image that speaks the Airbyte Protocol) and, for
 * machines without Docker, the command that runs the same connector as a local process (for our
 * connectors {@code java -jar connectors/<name>/target/<name>.jar}); empty when there is none.
 */
public record ConnectorDefinition(String image, List<String> localCommand) {

  public ConnectorDefinition {
    Objects.requireNonNull(image, "image");
    localCommand = localCommand == null ? List.of() : List.copyOf(localCommand);
  }

  public static ConnectorDefinition ofImage(String image) {
    return new ConnectorDefinition(image, List.of());
  }
}
