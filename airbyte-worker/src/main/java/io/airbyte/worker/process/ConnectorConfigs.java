package io.airbyte.worker.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.contract.connector.ConnectorRuntime.DeclarativeManifest;

/**
 * The config a connector is given, as its runtime needs it: a declarative manifest's config carries
 * the manifest under {@value DeclarativeManifest#INJECTED_MANIFEST} (as Airbyte's platform injects
 * it for {@code source-declarative-manifest}); any other connector gets its config as it is.
 */
public final class ConnectorConfigs {

  private ConnectorConfigs() {}

  public static JsonNode forLaunch(ConnectorRuntime runtime, JsonNode config) {
    return runtime instanceof DeclarativeManifest manifest ? manifest.injectInto(config) : config;
  }
}
