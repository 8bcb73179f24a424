package io.airbyte.worker.pyairbyte;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import io.airbyte.worker.process.PythonConnectors;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our connectors run by PyAirbyte, the other direction of "Airbyte's connectors run on our platform":
 * PyAirbyte reads our source-postgres (a local executable running its jar) into its DuckDB cache, then
 * again incrementally from the state it kept; and it writes Airbyte's source-faker (the worker's
 * cached environment of it) into our destination-postgres. The cache is read through PyAirbyte's own
 * API, the destination's tables through JDBC.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(900)
class PyAirbyteIT {

  private static final List<String> COLUMNS = List.of("id", "name", "amount", "active", "updated_at");

  @TempDir
  Path dir;

  @Test
  void readsSourcePostgresIntoItsDuckDbCacheThenIncrementallyFromItsState(PostgresTestDatabase db) throws Exception {
    db.execute("CREATE TABLE orders (id bigint PRIMARY KEY, name text, amount numeric(12,2), active boolean, updated_at timestamptz)",
        "INSERT INTO orders SELECT g, 'order ' || g, g * 1.25, g % 3 = 0, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 hour'"
            + " FROM generate_series(1, 40) g",
        "INSERT INTO orders VALUES (41, NULL, NULL, NULL, timestamptz '2024-01-01 00:00:00+00')");
    PyAirbyte pyairbyte = PyAirbyte.in(dir);
    ObjectNode request = Jsons.object().put("source_name", "source-postgres")
        .put("source_executable", PyAirbyte.wrapper(dir, "source-postgres").toString())
        .put("cache_path", dir.resolve("cache.duckdb").toString()).put("cache_schema", "from_postgres");
    request.set("source_config", sourceConfig(db));
    request.putArray("streams").add("orders");
    request.putObject("cursor_keys").put("orders", "updated_at"); // PyAirbyte reads incrementally where it can
    COLUMNS.forEach(request.putArray("columns")::add);

    JsonNode first = pyairbyte.run("read-to-cache", request);
    assertThat(first.get("processed_records").asLong()).isEqualTo(41);
    assertThat(cachedRows(first)).containsExactlyElementsOf(sourceRows(db));
    assertThat(first.path("streams").path("orders").path("columns").toString())
        .contains("_airbyte_raw_id", "_airbyte_extracted_at", "_airbyte_meta");

    db.execute("INSERT INTO orders SELECT g, 'late ' || g, g, true, timestamptz '2024-03-01 00:00:00+00' FROM generate_series(42, 44) g",
        "UPDATE orders SET name = 'updated', amount = 0.5, updated_at = timestamptz '2024-03-02 00:00:00+00' WHERE id IN (7, 19)");
    JsonNode second = pyairbyte.run("read-to-cache", request); // a new PyAirbyte process: the state is the cache's
    assertThat(second.get("processed_records").asLong()).as("from the state PyAirbyte kept, not all 44 again")
        .isBetween(5L, 10L);
    assertThat(cachedRows(second)).containsExactlyElementsOf(sourceRows(db));
  }

  @Test
  void writesAirbytesSourceFakerIntoDestinationPostgres(PostgresTestDatabase db) throws Exception {
    String faker = PythonConnectors.cached().commandFor(PythonConnectors.pinned("airbyte-source-faker"), line -> {}).get(0);
    PyAirbyte pyairbyte = PyAirbyte.in(dir);
    ObjectNode request = Jsons.object().put("source_name", "source-faker").put("source_executable", faker)
        .put("destination_name", "destination-postgres")
        .put("destination_executable", PyAirbyte.wrapper(dir, "destination-postgres").toString())
        .put("cache_path", dir.resolve("pyairbyte-cache.duckdb").toString()).put("cache_schema", "from_faker");
    request.putObject("source_config").put("count", 400).put("seed", 11);
    request.putObject("destination_config").put("host", db.host()).put("port", db.port()).put("database", db.databaseName())
        .put("schema", "from_pyairbyte").put("username", db.username()).put("password", db.password());
    request.putArray("streams").add("users").add("products").add("purchases");

    JsonNode result = pyairbyte.run("write-to-destination", request);

    assertThat(result.get("cached_counts").get("users").asLong()).isEqualTo(400);
    long total = 0;
    for (String stream : List.of("users", "products", "purchases")) {
      long cached = result.get("cached_counts").get(stream).asLong();
      assertThat(cached).as(stream).isPositive();
      assertThat(count(db, "SELECT count(*) FROM from_pyairbyte." + stream)).as(stream).isEqualTo(cached);
      assertThat(count(db, "SELECT count(*) FROM from_pyairbyte." + stream + " WHERE _airbyte_raw_id IS NULL"
          + " OR _airbyte_extracted_at IS NULL")).isZero();
      total += cached;
    }
    assertThat(result.get("written_records").asLong()).isEqualTo(total);
    List<String> cachedEmails = new ArrayList<>();
    result.get("cached_user_emails").forEach(pair -> cachedEmails.add(pair.get(0).asLong() + " " + pair.get(1).asText()));
    assertThat(rows(db, "SELECT id || ' ' || email FROM from_pyairbyte.users ORDER BY id")).containsExactlyElementsOf(cachedEmails)
        .allMatch(row -> row.contains("@"));
  }

  private static ObjectNode sourceConfig(PostgresTestDatabase db) {
    ObjectNode config = Jsons.object().put("host", db.host()).put("port", db.port()).put("database", db.databaseName())
        .put("username", db.username()).put("password", db.password());
    config.putArray("schemas").add("public");
    config.putObject("ssl_mode").put("mode", "disable");
    return config;
  }

  /** The cache's rows as {@code id|name|amount|active|epoch seconds}, sorted by id. */
  private static List<String> cachedRows(JsonNode result) {
    List<JsonNode> rows = new ArrayList<>();
    result.get("streams").get("orders").get("rows").forEach(rows::add);
    rows.sort((a, b) -> Long.compare(a.get("id").asLong(), b.get("id").asLong()));
    return rows.stream().map(r -> r.get("id").asLong() + "|" + text(r.get("name")) + "|"
        + (r.get("amount").isNull() ? "null" : String.format(java.util.Locale.ROOT, "%.2f", r.get("amount").asDouble())) + "|"
        + text(r.get("active")) + "|" + (long) r.get("updated_at").asDouble()).toList();
  }

  private static String text(JsonNode value) {
    return value == null || value.isNull() ? "null" : value.asText();
  }

  private static List<String> sourceRows(PostgresTestDatabase db) throws Exception {
    return rows(db, "SELECT id || '|' || coalesce(name, 'null') || '|' || coalesce(to_char(amount, 'FM999999990.00'), 'null')"
        + " || '|' || coalesce(active::text, 'null') || '|' || extract(epoch FROM updated_at)::bigint FROM orders ORDER BY id");
  }

  private static List<String> rows(PostgresTestDatabase db, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  private static long count(PostgresTestDatabase db, String sql) throws Exception {
    return Long.parseLong(rows(db, sql).get(0));
  }
}
