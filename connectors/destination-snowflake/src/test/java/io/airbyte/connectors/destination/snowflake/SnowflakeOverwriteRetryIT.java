package io.airbyte.connectors.destination.snowflake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connector.kit.Destination;
import io.airbyte.connector.kit.testing.OverwriteRetryContract;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;

/** Full refresh | overwrite across attempts and jobs ({@link OverwriteRetryContract}) into the Snowflake emulator. */
class SnowflakeOverwriteRetryIT extends OverwriteRetryContract {

  private Fakesnow fakesnow;

  @BeforeEach
  void database() throws SQLException {
    fakesnow = new Fakesnow();
  }

  @Override
  protected Destination destination() {
    return new SnowflakeDestination();
  }

  @Override
  protected ObjectNode config() {
    return fakesnow.config();
  }

  @Override
  protected boolean tableExists(String ns, String table) throws SQLException {
    return fakesnow.number("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + ns.toUpperCase()
        + "' AND table_name = '" + table.toUpperCase() + "'") > 0;
  }

  /** The contract's unquoted names are upper case in Snowflake, as the destination made them. */
  @Override
  protected long single(String sql) throws SQLException {
    return fakesnow.number(sql);
  }
}
