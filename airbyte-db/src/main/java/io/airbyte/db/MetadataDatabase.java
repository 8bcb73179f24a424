package io.airbyte.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the metadata database to the latest schema (Flyway, {@code classpath:db/migration}). */
public final class MetadataDatabase {

  private static final Logger LOG = LoggerFactory.getLogger(MetadataDatabase.class);

  private MetadataDatabase() {}

  public static MigrateResult migrate(DataSource dataSource) {
    MigrateResult result = Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    LOG.info("Metadata database at schema version {} ({} migration(s) applied)", result.targetSchemaVersion,
        result.migrationsExecuted);
    return result;
  }
}
