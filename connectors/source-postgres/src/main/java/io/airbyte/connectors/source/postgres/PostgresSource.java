package io.airbyte.connectors.source.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connector.kit.ConfigErrorException;
import io.airbyte.connector.kit.ConnectorRunner;
import io.airbyte.connector.kit.Emitter;
import io.airbyte.connector.kit.Source;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteCatalog;
import io.airbyte.protocol.models.AirbyteStream;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.protocol.models.SyncMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads PostgreSQL tables and views (Airbyte's source-postgres, with a user-defined cursor). */
public final class PostgresSource implements Source {

  private final int chunkRows;

  public PostgresSource() {
    this(StreamReader.CHUNK_ROWS);
  }

  /** @param chunkRows rows between two states of a stream */
  PostgresSource(int chunkRows) {
    this.chunkRows = chunkRows;
  }

  public static void main(String[] args) {
    ConnectorRunner.main(new PostgresSource(), args);
  }

  @Override
  public void check(JsonNode json) throws Exception {
    PostgresSourceConfig config = PostgresSourceConfig.from(json);
    try (Connection connection = config.connect()) {
      List<String> missing = new ArrayList<>();
      try (PreparedStatement ps = connection.prepareStatement(
          "SELECT s FROM unnest(?::text[]) s WHERE NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = s)")) {
        ps.setArray(1, connection.createArrayOf("text", config.schemas().toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            missing.add(rs.getString(1));
          }
        }
      }
      if (!missing.isEmpty()) {
        throw new ConfigErrorException("Schema(s) " + missing + " do not exist in database '" + config.database()
            + "' (check 'schemas')");
      }
      if (config.isCdc()) {
        checkCdc(config, connection);
      }
    }
  }

  private static void checkCdc(PostgresSourceConfig config, Connection connection) throws SQLException {
    ReplicationSetup setup = new ReplicationSetup(connection, config);
    setup.requireLogicalWal();
    setup.requireReplicationPrivilege();
    setup.slot();
    java.util.Set<String> published = setup.publicationTables();
    if (config.schemas().stream().noneMatch(schema -> published.stream().anyMatch(t -> t.startsWith(schema + "\u0000")))) {
      throw new ConfigErrorException("publication '" + config.cdc().publication() + "' has no table in schemas "
          + config.schemas() + ": ALTER PUBLICATION " + Sql.quote(config.cdc().publication()) + " ADD TABLE <table>");
    }
    try (Connection replication = config.connectForReplication()) {
      replication.isValid(5);
    } catch (SQLException e) {
      throw new ConfigErrorException("cannot open a replication connection as user '" + config.username() + "': "
          + e.getMessage(), e);
    }
  }

  @Override
  public AirbyteCatalog discover(JsonNode json) throws Exception {
    PostgresSourceConfig config = PostgresSourceConfig.from(json);
    try (Connection connection = config.connect()) {
      PostgresCatalog catalog = new PostgresCatalog(connection);
      boolean tidRangeScan = catalog.supportsTidRangeScan();
      java.util.Set<String> published = config.isCdc() ? new ReplicationSetup(connection, config).publicationTables() : null;
      List<AirbyteStream> streams = new ArrayList<>();
      for (TableInfo table : catalog.tables(config.schemas())) {
        AirbyteStream stream = stream(table, tidRangeScan);
        if (published != null) {
          cdcStream(stream, published.contains(ReplicationSetup.key(table.schema(), table.name())));
        }
        streams.add(stream);
      }
      return new AirbyteCatalog().withStreams(streams);
    }
  }

  private static AirbyteStream stream(TableInfo table, boolean tidRangeScan) {
    ObjectNode schema = Jsons.object().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    table.columns().forEach(c -> properties.set(c.name(), c.type().jsonSchema()));
    return new AirbyteStream()
        .withName(table.name())
        .withNamespace(table.schema())
        .withJsonSchema(schema)
        .withSupportedSyncModes(List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL))
        .withSourceDefinedCursor(false)
        .withDefaultCursorField(List.of())
        .withSourceDefinedPrimaryKey(table.primaryKey().stream().map(List::of).toList())
        .withIsResumable(FullRefreshRead.resumable(table, tidRangeScan));
  }

  /**
   * A stream of a CDC source, as Airbyte's: a table of the publication is incremental with the
   * source-defined cursor {@code _ab_cdc_lsn} and the CDC metadata columns; any other is full refresh only.
   */
  private static void cdcStream(AirbyteStream stream, boolean published) {
    if (!published) {
      stream.withSupportedSyncModes(List.of(SyncMode.FULL_REFRESH));
      return;
    }
    ObjectNode properties = (ObjectNode) stream.getJsonSchema().get("properties");
    properties.putObject(CdcFields.LSN).put("type", "number");
    properties.putObject(CdcFields.UPDATED_AT).put("type", "string");
    properties.putObject(CdcFields.DELETED_AT).put("type", "string");
    stream.withSourceDefinedCursor(true).withDefaultCursorField(List.of(CdcFields.LSN));
  }

  @Override
  public void read(JsonNode json, ConfiguredAirbyteCatalog catalog, JsonNode state, Emitter output) throws Exception {
    PostgresSourceConfig config = PostgresSourceConfig.from(json);
    InputState input = InputState.parse(state);
    try (Connection connection = config.connect()) {
      PostgresCatalog pgCatalog = new PostgresCatalog(connection);
      List<String> schemas = new ArrayList<>();
      for (ConfiguredAirbyteStream stream : catalog.getStreams()) {
        String namespace = stream.getStream().getNamespace();
        if (namespace != null && !schemas.contains(namespace)) {
          schemas.add(namespace);
        }
      }
      Map<String, TableInfo> tables = new HashMap<>();
      for (TableInfo table : pgCatalog.tables(schemas.isEmpty() ? config.schemas() : schemas)) {
        tables.put(table.schema() + "\u0000" + table.name(), table);
      }
      if (config.isCdc()) {
        new CdcRead(config, connection, tables, output, pgCatalog.supportsTidRangeScan(), chunkRows, java.time.Clock.systemUTC())
            .read(catalog.getStreams(), CdcState.from(state, config.cdc().slot(), output));
        return;
      }
      List<ParallelRead.Selected> selected = new ArrayList<>();
      for (ConfiguredAirbyteStream stream : catalog.getStreams()) {
        String namespace = stream.getStream().getNamespace() == null ? config.schemas().get(0) : stream.getStream().getNamespace();
        TableInfo table = tables.get(namespace + "\u0000" + stream.getStream().getName());
        if (table == null) {
          throw new ConfigErrorException("stream '" + namespace + "." + stream.getStream().getName()
              + "' does not exist or may not be read by user '" + config.username() + "'");
        }
        selected.add(new ParallelRead.Selected(table, stream));
      }
      if (config.maxDbConnections() > 1) {
        new ParallelRead(config, connection, output, pgCatalog.supportsTidRangeScan(), chunkRows).read(selected, input);
        return;
      }
      StreamReader reader = new StreamReader(connection, output, pgCatalog.supportsTidRangeScan(), chunkRows,
          StateSink.perStream(output));
      for (ParallelRead.Selected stream : selected) {
        reader.read(stream.table(), stream.configured(), input);
      }
    }
  }
}
