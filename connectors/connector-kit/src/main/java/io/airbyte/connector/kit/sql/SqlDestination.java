package io.airbyte.connector.kit.sql;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.connector.kit.Destination;
import io.airbyte.connector.kit.Emitter;
import io.airbyte.connector.kit.MessageInput;
import io.airbyte.connector.kit.destination.StreamLoader;
import io.airbyte.connector.kit.destination.StreamTarget;
import io.airbyte.connector.kit.destination.WriteSession;
import io.airbyte.connector.kit.typing.AirbyteType;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A destination writing typed tables through JDBC, in every sync mode: an engine gives its config
 * (connections, default schema, {@link SqlDialect}); the kit runs {@code check} (a table created and dropped in the
 * default schema, nothing kept) and {@code write} (one connection, one {@link SqlStreamLoader} per
 * stream, the {@link WriteSession} committing at each state). The spec is the {@code /spec.json}
 * resource.
 *
 * @param <C> the engine's config
 */
public abstract class SqlDestination<C extends SqlDestinationConfig> implements Destination {

  private final Function<JsonNode, C> configs;

  /** @param configs reads the config from the JSON the runner validated against the spec */
  protected SqlDestination(Function<JsonNode, C> configs) {
    this.configs = configs;
  }

  /** The default of the engine's dialect ({@link SqlDialect#maxRecordBytes}). */
  @Override
  public long maxRecordBytes(JsonNode json) {
    return configs.apply(json).dialect().maxRecordBytes();
  }

  /** What {@code check} reports when it cannot create a table: by default the error itself. */
  protected Exception checkFailed(C config, SQLException error) {
    return error;
  }

  @Override
  public void check(JsonNode json) throws Exception {
    C config = configs.apply(json);
    SqlDialect dialect = config.dialect();
    try (Connection connection = config.connect()) {
      SqlTables tables = new SqlTables(connection, dialect);
      String table = dialect.qualified(config.schema(),
          "_airbyte_connection_test_" + UUID.randomUUID().toString().replace("-", ""));
      try {
        tables.ensureSchema(config.schema());
        tables.execute("CREATE TABLE " + table + " (id " + dialect.types().columnType(AirbyteType.INTEGER) + ")");
        tables.execute("DROP TABLE " + table);
      } catch (SQLException e) {
        throw checkFailed(config, e);
      } finally {
        connection.rollback();
      }
    }
  }

  @Override
  public void write(JsonNode json, ConfiguredAirbyteCatalog catalog, MessageInput input, Emitter output) throws Exception {
    C config = configs.apply(json);
    SqlDialect dialect = config.dialect();
    try (Connection connection = config.connect(); Staging staging = dialect.staging(connection)) {
      SqlTransaction transaction = new SqlTransaction(connection, staging);
      try {
        SqlTables tables = new SqlTables(connection, dialect);
        List<StreamTarget> targets = new ArrayList<>();
        for (ConfiguredAirbyteStream stream : catalog.getStreams()) {
          targets.add(StreamTarget.of(stream, config.schema()));
        }
        List<StreamLoader> loaders = new ArrayList<>();
        for (StreamTarget target : TableNames.resolve(targets, dialect)) { // names decided before anything is written
          SqlStreamLoader loader = new SqlStreamLoader(target, tables, staging);
          loader.prepare(loaders.size());
          loaders.add(loader);
        }
        connection.commit();
        new WriteSession(transaction, loaders, output).run(input);
      } catch (Exception e) {
        try {
          transaction.rollback();
        } catch (Exception rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
    }
  }
}
