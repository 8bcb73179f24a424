package io.airbyte.connectors.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.connectors.contract.Catalogs.SyncModes;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteStream;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.ConfiguredAirbyteStream;
import io.airbyte.testsupport.postgres.PostgresExtension;
import io.airbyte.testsupport.postgres.PostgresTestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** source-faker's three streams into each destination, deduplicated on id: every record lands once. */
@ExtendWith({PostgresExtension.class, ProtocolModelsExtension.class})
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class FakerToDestinationsContractIT {

  @Test
  void fakerFillsBothDestinations(PostgresTestDatabase db, @TempDir Path dir) throws Exception {
    var config = Jsons.object().put("count", 3000).put("seed", 9).put("records_per_slice", 500);
    List<ConfiguredAirbyteStream> streams = new ArrayList<>();
    for (String name : List.of("users", "products", "purchases")) {
      AirbyteStream stream = Catalogs.discover(ConnectorJar.SOURCE_FAKER, config, dir, name);
      streams.addAll(Catalogs.configure(stream, SyncModes.INCREMENTAL_APPEND_DEDUPED, List.of("id"), "updated_at", 1).getStreams());
    }
    ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog().withStreams(streams);
    for (Target target : List.of(Target.postgres(db), Target.duckdb(dir.resolve("faker.duckdb")))) {
      SyncPipe.Result result = SyncPipe.run(dir, ConnectorJar.SOURCE_FAKER, config, target.connector(), target.config(),
          catalog, null, 0);
      assertThat(result.destination().exitCode()).as(result.destination().stderr()).isZero();
      String schema = target.connector() == ConnectorJar.DESTINATION_POSTGRES ? "public" : "main";
      assertThat(target.rows(schema, "users", List.of("id"))).as(target.toString()).hasSize(3000);
      assertThat(target.rows(schema, "products", List.of("id"))).hasSize(100);
      assertThat(target.rows(schema, "purchases", List.of("id"))).hasSize(3000);
      assertThat(target.rows(schema, "users", List.of("email")).get(0)).contains("@");
    }
  }
}
