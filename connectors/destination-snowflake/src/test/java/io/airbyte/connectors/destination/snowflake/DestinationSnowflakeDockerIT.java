package io.airbyte.connectors.destination.snowflake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connector.kit.testing.DestinationImageContract;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.testing.Messages;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/** The image: built from the module, run as the platform runs it, on the host's network to reach the Snowflake emulator. */
class DestinationSnowflakeDockerIT extends DestinationImageContract {

  private Fakesnow fakesnow;

  @BeforeEach
  void database() throws Exception {
    fakesnow = new Fakesnow();
  }

  @Override
  protected String image() {
    return "airbyte/destination-snowflake:dev";
  }

  @Override
  protected ObjectNode config() {
    return fakesnow.config();
  }

  @Override
  protected List<String> dockerOptions() {
    return List.of("--network", "host");
  }

  @Override
  protected ConfiguredAirbyteStream stream() {
    return Messages.stream(null, "t", TABLE_SCHEMA, DestinationSyncMode.APPEND, null, null, 1, 0);
  }

  @Override
  protected long rowsOfT() throws Exception {
    return fakesnow.number("SELECT count(*) FROM AIRBYTE_SCHEMA.T");
  }
}
