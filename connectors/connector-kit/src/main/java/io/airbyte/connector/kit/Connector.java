package io.airbyte.connector.kit;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.ConnectorSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** What every connector answers: its spec, and whether a config works. */
public interface Connector {

  /** The connector's spec: by default its resource {@code /spec.json}. */
  default ConnectorSpecification spec() {
    try (InputStream in = getClass().getResourceAsStream("/spec.json")) {
      if (in == null) {
        throw new IllegalStateException(getClass().getName() + " has no resource /spec.json");
      }
      return Jsons.mapper().readValue(in, ConnectorSpecification.class);
    } catch (IOException e) {
      throw new UncheckedIOException("the connector's spec.json cannot be read", e);
    }
  }

  /**
   * Checks that the config works (credentials, reachability, permissions). Returns normally when it
   * does; throws otherwise, preferably a {@link ConfigErrorException} whose message tells the user
   * what to fix. The runner has already validated the config against the spec.
   */
  void check(JsonNode config) throws Exception;
}
