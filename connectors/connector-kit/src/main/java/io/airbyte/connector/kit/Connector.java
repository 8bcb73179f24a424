package io.airbyte.connector.kit;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.models.ConnectorSpecification;

/** What every connector answers: its spec, and whether a config works. */
public interface Connector {

  ConnectorSpecification spec();

  /**
   * Checks that the config works (credentials, reachability, permissions). Returns normally when it
   * does; throws otherwise, preferably a {@link ConfigErrorException} whose message tells the user
   * what to fix. The runner has already validated the config against the spec.
   */
  void check(JsonNode config) throws Exception;
}
