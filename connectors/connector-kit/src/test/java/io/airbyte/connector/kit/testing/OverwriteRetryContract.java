package io.airbyte.connector.kit.testing;

import static io.airbyte.protocol.testing.Messages.catalog;
import static io.airbyte.protocol.testing.Messages.stream;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.connector.kit.Destination;
import io.airbyte.protocol.models.ConfiguredAirbyteCatalog;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.testing.Messages;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full refresh | overwrite across the attempts of a sync and across jobs, for any SQL destination:
 * the attempts run the destination's {@code write} as the platform does, one after the other, with
 * what a resumable source sends on a retry (a stream read completely by an earlier attempt: its
 * state and COMPLETE, no records). A destination's test says how to reach its database.
 */
public abstract class OverwriteRetryContract {

  private static final String SCHEMA = """
      {"type":"object","properties":{"id":{"type":"integer"},"name":{"type":["null","string"]}}}
      """;

  @TempDir
  protected Path dir;

  @Test
  void aStreamAnEarlierAttemptCompletedKeepsItsRowsWhenTheRetryReceivesNone() throws Exception {
    String ns = "retry_done";
    // an earlier job's table: replaced by this sync's data
    write(catalogFor(ns, 41), new Messages().record(ns, "a_good", "{\"id\":-1,\"name\":\"previous job\"}")
        .state(ns, "a_good", "{\"done\":true}").status(ns, "a_good", "COMPLETE"));

    ConfiguredAirbyteCatalog job42 = catalogFor(ns, 42);
    Messages attempt1 = new Messages().status(ns, "a_good", "STARTED");
    rows(attempt1, ns, 1, 100);
    attempt1.state(ns, "a_good", "{\"done\":true}").status(ns, "a_good", "COMPLETE")
        .status(ns, "c_bad", "STARTED").record(ns, "c_bad", "{\"id\":1}"); // then c_bad fails: no COMPLETE
    write(job42, attempt1);
    assertThat(count(ns, "a_good")).isEqualTo(100);

    DestinationRun attempt2 = write(job42, new Messages().status(ns, "a_good", "STARTED")
        .state(ns, "a_good", "{\"done\":true}").status(ns, "a_good", "COMPLETE")
        .status(ns, "c_bad", "STARTED").record(ns, "c_bad", "{\"id\":1}"));
    assertThat(attempt2.states()).singleElement()
        .satisfies(s -> assertThat(s.at("/state/destinationStats/recordCount").asDouble()).isZero());
    assertThat(count(ns, "a_good")).as("rows the first attempt loaded").isEqualTo(100);
    assertThat(distinctIds(ns, "a_good")).isEqualTo(100);
    assertThat(tableExists(ns, "a_good_airbyte_tmp")).isFalse();

    // the next job reads the source again and finds it empty: that is the new content
    write(catalogFor(ns, 43), new Messages().status(ns, "a_good", "STARTED").state(ns, "a_good", "{\"done\":true}")
        .status(ns, "a_good", "COMPLETE"));
    assertThat(count(ns, "a_good")).isZero();
  }

  @Test
  void aStreamLoadedPartlyByOneAttemptAndFinishedByTheNextKeepsBothPartsOnceAndSurvivesAThirdAttempt() throws Exception {
    String ns = "retry_resume";
    ConfiguredAirbyteCatalog job42 = catalogFor(ns, 42);
    Messages attempt1 = new Messages().status(ns, "a_good", "STARTED");
    rows(attempt1, ns, 1, 50);
    attempt1.state(ns, "a_good", "{\"after\":50}");
    rows(attempt1, ns, 51, 60); // not covered by a state: rolled back, read again by the next attempt
    write(job42, attempt1);
    assertThat(count(ns, "a_good_airbyte_tmp")).isEqualTo(50);

    Messages attempt2 = new Messages().status(ns, "a_good", "STARTED");
    rows(attempt2, ns, 51, 100);
    attempt2.state(ns, "a_good", "{\"done\":true}").status(ns, "a_good", "COMPLETE")
        .status(ns, "c_bad", "STARTED").record(ns, "c_bad", "{\"id\":1}");
    write(job42, attempt2);
    assertThat(count(ns, "a_good")).isEqualTo(100);
    assertThat(distinctIds(ns, "a_good")).isEqualTo(100);

    write(job42, new Messages().status(ns, "a_good", "STARTED").state(ns, "a_good", "{\"done\":true}")
        .status(ns, "a_good", "COMPLETE").status(ns, "c_bad", "STARTED"));
    assertThat(count(ns, "a_good")).isEqualTo(100);
    assertThat(distinctIds(ns, "a_good")).isEqualTo(100);
  }

  @Test
  void theNextJobDoesNotKeepTheTemporaryRowsOfAFailedJobOfTheSameGeneration() throws Exception {
    String ns = "retry_jobs";
    write(catalogFor(ns, 41), new Messages().record(ns, "a_good", "{\"id\":-1,\"name\":\"previous job\"}")
        .state(ns, "a_good", "{\"done\":true}").status(ns, "a_good", "COMPLETE"));
    Messages failedJob = new Messages().status(ns, "a_good", "STARTED");
    rows(failedJob, ns, 1, 30);
    failedJob.state(ns, "a_good", "{\"after\":30}");
    write(catalogFor(ns, 42), failedJob);
    assertThat(count(ns, "a_good_airbyte_tmp")).isEqualTo(30);
    assertThat(count(ns, "a_good")).as("the previous table until the stream completes").isEqualTo(1);

    Messages nextJob = new Messages().status(ns, "a_good", "STARTED");
    rows(nextJob, ns, 1, 100);
    nextJob.state(ns, "a_good", "{\"done\":true}").status(ns, "a_good", "COMPLETE");
    write(catalogFor(ns, 43), nextJob);
    assertThat(count(ns, "a_good")).isEqualTo(100);
    assertThat(distinctIds(ns, "a_good")).isEqualTo(100);
  }

  /** An overwrite connection as the platform configures it: generation 0 from job to job, the job id as sync id. */
  private static ConfiguredAirbyteCatalog catalogFor(String ns, long syncId) {
    return catalog(stream(ns, "a_good", SCHEMA, DestinationSyncMode.OVERWRITE, null, null, 0, 0).withSyncId(syncId),
        stream(ns, "c_bad", SCHEMA, DestinationSyncMode.APPEND, null, null, 0, 0).withSyncId(syncId));
  }

  private static void rows(Messages messages, String ns, int from, int to) {
    for (int i = from; i <= to; i++) {
      messages.record(ns, "a_good", "{\"id\":" + i + ",\"name\":\"row " + i + "\"}");
    }
  }

  protected abstract Destination destination();

  protected abstract ObjectNode config();

  /** Whether {@code ns.table} exists in the destination. */
  protected abstract boolean tableExists(String ns, String table) throws SQLException;

  /** The first column of the first row of a query on the destination, as a number. */
  protected abstract long single(String sql) throws SQLException;

  private DestinationRun write(ConfiguredAirbyteCatalog catalog, Messages input) throws Exception {
    DestinationRun run = DestinationRun.write(destination(), dir, config(), catalog, input.toString());
    assertThat(run.exitCode).as(run.errorMessage()).isZero();
    return run;
  }

  private long count(String ns, String table) throws SQLException {
    return single("SELECT count(*) FROM " + ns + "." + table);
  }

  private long distinctIds(String ns, String table) throws SQLException {
    return single("SELECT count(DISTINCT id) FROM " + ns + "." + table);
  }
}
