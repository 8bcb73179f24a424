package io.airbyte.worker.replication;

import static io.airbyte.worker.replication.EngineHarness.records;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connection.NamespaceDefinition;
import io.airbyte.contract.failure.FailureOrigin;
import io.airbyte.contract.failure.FailureType;
import io.airbyte.contract.stats.StreamStatistics;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.StreamDescriptor;
import io.airbyte.protocol.testing.Messages;
import io.airbyte.worker.state.ConnectionState;
import java.nio.file.Path;
import java.time.Duration;
import io.airbyte.protocol.rows.RowValueKind;
import io.airbyte.protocol.rows.StreamDeclaration;
import io.airbyte.protocol.rows.TypedRowBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The replication engine against fake connectors (processes replaying fixtures). */
@Timeout(120)
class ReplicationEngineIT {

  @TempDir
  Path dir;

  private static final StreamDescriptor USERS = new StreamDescriptor().withNamespace("public").withName("users");
  private static final StreamDescriptor ORDERS = new StreamDescriptor().withNamespace("public").withName("orders");

  @Test
  void movesInterleavedRecordsAndStatesAndCommitsEchoedStates() throws Exception {
    EngineHarness h = new EngineHarness(dir);
    Messages m = new Messages().status("public", "users", "STARTED");
    records(m, "users", 1, 3).state("public", "users", "{\"cursor\":3}");
    records(m, "orders", 1, 2).state("public", "orders", "{\"cursor\":2}");
    records(m, "users", 4, 5).state("public", "users", "{\"cursor\":5}");
    m.status("public", "users", "COMPLETE").line("{\"type\":\"TRACE\",\"trace\":{\"type\":\"ESTIMATE\",\"emitted_at\":1,"
        + "\"estimate\":{\"name\":\"users\",\"namespace\":\"public\",\"type\":\"STREAM\",\"row_estimate\":5,\"byte_estimate\":500}}}");

    ReplicationOutput output = h.run(h.source(m.toString(), "exit 0"));

    assertThat(output.failures()).isEmpty();
    assertThat(output.status()).isEqualTo(ReplicationStatus.COMPLETED);
    List<JsonNode> received = h.destinationInput();
    // records, states and stream statuses reach the destination in the source's order; estimates do not
    assertThat(received).extracting(n -> n.get("type").asText()).containsExactly("TRACE", "RECORD", "RECORD", "RECORD",
        "STATE", "RECORD", "RECORD", "STATE", "RECORD", "RECORD", "STATE", "TRACE");
    assertThat(received.get(1).get("record").get("data").toString()).isEqualTo("{\"id\":1,\"name\":\"n1\",\"secret\":\"s1\"}");
    ConnectionState state = h.persistence.current("connection-1");
    assertThat(state.messages()).extracting(s -> s.getStream().getStreamState().get("cursor").asInt()).containsExactly(2, 5);
    SyncProgress stats = output.stats();
    assertThat(stats.recordsEmitted()).isEqualTo(7);
    assertThat(stats.recordsCommitted()).isEqualTo(7);
    assertThat(stats.stateMessagesEmitted()).isEqualTo(3);
    assertThat(stats.stateMessagesCommitted()).isEqualTo(3);
    assertThat(stats.malformedDestinationLines()).isEqualTo(1);
    StreamStatistics users = stats.streams().stream().filter(s -> s.streamName().equals("users")).findFirst().orElseThrow();
    assertThat(users.recordsEmitted()).isEqualTo(5);
    assertThat(users.estimatedRecords()).isEqualTo(5);
    assertThat(users.estimatedBytes()).isEqualTo(500);
    assertThat(stats.status(users)).isEqualTo("COMPLETE");
    // the bytes of the users' record lines, as the source wrote them (passed through unchanged)
    long usersRecordBytes = m.toString().lines().filter(l -> l.startsWith("{\"type\":\"RECORD\"") && l.contains("\"stream\":\"users\""))
        .mapToLong(String::length).sum();
    assertThat(usersRecordBytes).isGreaterThan(5 * 40);
    assertThat(users.bytesEmitted()).isEqualTo(usersRecordBytes);
    assertThat(output.lastCommittedState().getStream().getStreamState().get("cursor").asInt()).isEqualTo(5);

    String log = h.log(output);
    assertThat(log).contains("platform > INFO Replication of connection connection-1, job 7, attempt 0")
        .contains("destination > INFO fake destination started")
        .contains("destination > STDOUT line 1 is not a message")
        .contains("platform > INFO Replication completed: 7 records");
    assertThat(log.indexOf("platform > INFO Replication of")).isLessThan(log.indexOf("destination >"));
  }

  @Test
  void malformedSourceLinesAreCountedAndLoggedNotFatal() throws Exception {
    EngineHarness h = new EngineHarness(dir);
    Messages m = records(new Messages(), "users", 1, 2).line("not json at all").line("{\"type\":\"NOPE\"}")
        .line("{\"foo\":1}");
    records(m, "users", 3, 3).state("public", "users", "{\"cursor\":3}");

    ReplicationOutput output = h.run(h.source(m.toString(), "exit 0"));

    assertThat(output.status()).isEqualTo(ReplicationStatus.COMPLETED);
    assertThat(output.stats().malformedSourceLines()).isEqualTo(3);
    assertThat(output.stats().recordsCommitted()).isEqualTo(3);
    assertThat(h.log(output)).contains("source > STDOUT line 3 is not a message (not valid JSON")
        .contains("unknown message type \"NOPE\"").contains("3 line(s) that are not protocol messages");
  }

  @Test
  void aFailingSourceKeepsTheStatesCommittedBeforeAndTheNextAttemptStartsThere() throws Exception {
    EngineHarness h = new EngineHarness(dir);
    Messages m = records(new Messages(), "users", 1, 3).state("public", "users", "{\"cursor\":3}");
    records(m, "users", 4, 5);

    ReplicationOutput failed = h.run(h.source(m.toString(), "echo 'boom' >&2; exit 3"));

    assertThat(failed.status()).isEqualTo(ReplicationStatus.FAILED);
    assertThat(failed.failures().get(0).failureOrigin()).isEqualTo(FailureOrigin.SOURCE);
    assertThat(failed.failures().get(0).failureType()).isEqualTo(FailureType.SYSTEM_ERROR);
    assertThat(failed.failures().get(0).externalMessage()).contains("exit code 3");
    assertThat(failed.failures().get(0).internalMessage()).contains("boom");
    assertThat(failed.failures().get(0).retryable()).isTrue();
    assertThat(failed.committedState()).isTrue();
    assertThat(failed.stats().recordsEmitted()).isEqualTo(5);
    assertThat(failed.stats().recordsCommitted()).isEqualTo(3);
    assertThat(h.persistence.current("connection-1").messages())
        .extracting(s -> s.getStream().getStreamState().get("cursor").asInt()).containsExactly(3);

    // the next attempt gets the committed state as --state: the source copies the file named after --state
    h.inputState = h.persistence.current("connection-1").messages();
    Path seen = dir.resolve("state-seen.json");
    ReplicationRun next = h.worker().start(h.input(h.source("", "while [ $# -gt 0 ]; do "
        + "if [ \"$1\" = --state ]; then cat \"$2\" > '" + seen + "'; fi; shift; done; exit 0"), 1));
    assertThat(next.await().status()).isEqualTo(ReplicationStatus.COMPLETED);
    JsonNode stateSeen = io.airbyte.protocol.json.Jsons.readFile(seen);
    assertThat(stateSeen.isArray()).as("the state file the source read: %s", stateSeen).isTrue();
    assertThat(stateSeen).hasSize(1);
    assertThat(stateSeen.get(0).get("type").asText()).isEqualTo("STREAM");
    assertThat(stateSeen.get(0).get("stream").get("stream_descriptor").get("name").asText()).isEqualTo("users");
    assertThat(stateSeen.get(0).get("stream").get("stream_descriptor").get("namespace").asText()).isEqualTo("public");
    assertThat(stateSeen.get(0).get("stream").get("stream_state").toString()).isEqualTo("{\"cursor\":3}");
  }

  @Test
  void aSourceTraceErrorNamesItsFailureType() throws Exception {
    EngineHarness h = new EngineHarness(dir);
    Messages m = new Messages().line("{\"type\":\"TRACE\",\"trace\":{\"type\":\"ERROR\",\"emitted_at\":1700000000000,"
        + "\"error\":{\"message\":\"password authentication failed for user bob\",\"internal_message\":\"28P01\","
        + "\"failure_type\":\"config_error\"}}}");

    ReplicationOutput output = h.run(h.source(m.toString(), "exit 1"));

    assertThat(output.status()).isEqualTo(ReplicationStatus.FAILED);
    assertThat(output.failures()).hasSize(1);
    assertThat(output.failures().get(0).failureOrigin()).isEqualTo(FailureOrigin.SOURCE);
    assertThat(output.failures().get(0).failureType()).isEqualTo(FailureType.CONFIG_ERROR);
    assertThat(output.failures().get(0).retryable()).isFalse();
    assertThat(output.failures().get(0).externalMessage()).isEqualTo("password authentication failed for user bob");
  }

  @Test
  void aDestinationThatDiesMidStreamStopsTheSource() throws Exception {
    EngineHarness h = new EngineHarness(dir);
    h.destinationConfig.put("fail_after_records", 4).put("exit_code", 2);
    Messages m = records(new Messages(), "users", 1, 2).state("public", "users", "{\"cursor\":2}");
    records(m, "users", 3, 10);

    ReplicationOutput output = h.run(h.source(m.toString(), "sleep 600"));

    assertThat(output.status()).isEqualTo(ReplicationStatus.FAILED);
    assertThat(output.failures().get(0).failureOrigin()).isEqualTo(FailureOrigin.DESTINATION);
    assertThat(output.failures().get(0).externalMessage()).isEqualTo("disk full");
    assertThat(EngineHarness.alive(h.pid("source"))).isFalse();
    assertThat(h.persistence.current("connection-1").messages()).hasSize(1);
    assertThat(output.stats().recordsCommitted()).isEqualTo(2);
  }

  @Test
  void aSilentSourceFailsWithHeartbeatTimeoutAndKeepsCommittedState() throws Exception {
    EngineHarness h = new EngineHarness(dir).heartbeat(Duration.ofSeconds(2));
    Messages m = records(new Messages(), "users", 1, 2).state("public", "users", "{\"cursor\":2}");

    ReplicationOutput output = h.run(h.source(m.toString(), "sleep 600"));

    assertThat(output.status()).isEqualTo(ReplicationStatus.FAILED);
    assertThat(output.failures().get(0).failureType()).isEqualTo(FailureType.HEARTBEAT_TIMEOUT);
    assertThat(output.failures().get(0).failureOrigin()).isEqualTo(FailureOrigin.SOURCE);
    assertThat(output.committedState()).isTrue();
    assertThat(EngineHarness.alive(h.pid("source"))).isFalse();
    assertThat(EngineHarness.alive(h.pid("destination"))).isFalse();
  }

  @Test
  void cancellationStopsBothSidesAndLeavesNoProcess() throws Exception {
    EngineHarness h = new EngineHarness(dir);
    Messages m = records(new Messages(), "users", 1, 2).state("public", "users", "{\"cursor\":2}");
    // the source's sh has children of its own: one in the background, one in the foreground
    ReplicationRun run = h.start(h.source(m.toString(), "sleep 600 & sleep 600; exit 0"));
    while (run.progress().stateMessagesCommitted() < 1) {
      Thread.sleep(50);
    }
    ProcessHandle source = ProcessHandle.of(h.pid("source")).orElseThrow();
    List<ProcessHandle> children = source.descendants().toList();
    while (children.stream().filter(c -> c.info().command().orElse("").endsWith("sleep")).count() < 2) {
      Thread.sleep(50);
      children = source.descendants().toList();
    }
    ProcessHandle destination = ProcessHandle.of(h.pid("destination")).orElseThrow();
    List<ProcessHandle> everyProcess = new java.util.ArrayList<>(children);
    everyProcess.add(source);
    everyProcess.add(destination);
    everyProcess.addAll(destination.descendants().toList());

    run.cancel();
    ReplicationOutput output = run.await();

    assertThat(output.status()).isEqualTo(ReplicationStatus.CANCELLED);
    assertThat(output.failures().get(0).failureType()).isEqualTo(FailureType.MANUAL_CANCELLATION);
    assertThat(output.failures().get(0).retryable()).isFalse();
    for (ProcessHandle p : everyProcess) {
      try {
        p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException stillAlive) {
        // asserted below, with every process named
      }
    }
    assertThat(everyProcess).as("the connectors and their children, after the cancel").noneMatch(ProcessHandle::isAlive);
    assertThat(h.persistence.current("connection-1").messages()).hasSize(1);
  }

  @Test
  void appliesNamespacePrefixAndFieldSelectionAndMapsStatesBack() throws Exception {
    EngineHarness h = new EngineHarness(dir);
    h.namespaces = new NamespaceMapping(NamespaceDefinition.CUSTOM_FORMAT, "raw_${SOURCE_NAMESPACE}", "pg_");
    h.fields = List.of(new FieldSelection(USERS, List.of("name")));
    Messages m = new Messages().status("public", "users", "STARTED");
    records(m, "users", 1, 2).state("public", "users", "{\"cursor\":2}");
    records(m, "orders", 1, 1).state("public", "orders", "{\"cursor\":1}").status("public", "users", "COMPLETE");

    ReplicationOutput output = h.run(h.source(m.toString(), "exit 0"));

    assertThat(output.status()).isEqualTo(ReplicationStatus.COMPLETED);
    List<JsonNode> received = h.destinationInput();
    JsonNode firstUser = received.get(1).get("record");
    assertThat(firstUser.get("namespace").asText()).isEqualTo("raw_public");
    assertThat(firstUser.get("stream").asText()).isEqualTo("pg_users");
    // the selected field plus the primary key and cursor (id); "secret" is gone
    assertThat(firstUser.get("data").toString()).isEqualTo("{\"id\":1,\"name\":\"n1\"}");
    JsonNode order = received.get(4).get("record");
    assertThat(order.get("stream").asText()).isEqualTo("pg_orders");
    assertThat(order.get("data").has("secret")).isTrue();
    assertThat(received.get(3).get("state").get("stream").get("stream_descriptor").get("name").asText()).isEqualTo("pg_users");
    assertThat(received.get(0).get("trace").get("stream_status").get("stream_descriptor").get("namespace").asText())
        .isEqualTo("raw_public");
    // what is persisted is the source's state, with the source's names
    assertThat(h.persistence.current("connection-1").messages()).extracting(s -> s.getStream().getStreamDescriptor())
        .containsExactlyInAnyOrder(USERS, ORDERS);
    JsonNode catalog = io.airbyte.protocol.json.Jsons.readFile(output.logPath().resolveSibling("destination_catalog.json"));
    assertThat(catalog.get("streams").get(0).get("stream").get("name").asText()).isEqualTo("pg_users");
    assertThat(catalog.get("streams").get(0).get("stream").get("json_schema").get("properties").has("secret")).isFalse();
  }

  @Test
  void typedRowsAreRoutedCountedAndTrimmedWithoutBeingParsed() throws Exception {
    EngineHarness h = new EngineHarness(dir);
    h.typedRows = true;
    h.namespaces = new NamespaceMapping(NamespaceDefinition.CUSTOM_FORMAT, "raw_${SOURCE_NAMESPACE}", "pg_");
    h.fields = List.of(new FieldSelection(USERS, List.of("name")));
    StreamDeclaration users = new StreamDeclaration(0, "public", "users", List.of("id", "name", "secret"),
        List.of(RowValueKind.INTEGER, RowValueKind.STRING, RowValueKind.STRING));
    StreamDeclaration orders = new StreamDeclaration(1, "public", "orders", List.of("id", "secret"),
        List.of(RowValueKind.INTEGER, RowValueKind.STRING));
    StreamDeclaration unknown = new StreamDeclaration(2, "public", "audit", List.of("id"), List.of(RowValueKind.INTEGER));
    Messages m = new Messages().status("public", "users", "STARTED")
        .line(text(users.toLine()))
        .line(text(new TypedRowBuilder().row(0, 5).text("1").text("n\t1").text("s1").toLine()))
        .line(text(orders.toLine()))
        .line(text(new TypedRowBuilder().row(1, 5).text("1").text("o1").toLine()))
        .line(text(new TypedRowBuilder().row(0, 5).text("2").nullValue().text("s2").toLine()))
        .state("public", "users", "{\"cursor\":2}")
        .line(text(unknown.toLine()))
        .line(text(new TypedRowBuilder().row(2, 5).text("9").toLine()))
        .line(text(new TypedRowBuilder().row(7, 5).text("9").toLine())) // no stream line for 7
        .state("public", "orders", "{\"cursor\":1}").status("public", "users", "COMPLETE");

    ReplicationOutput output = h.run(h.source(m.toString(), "exit 0"));

    assertThat(output.status()).isEqualTo(ReplicationStatus.COMPLETED);
    assertThat(output.stats().recordsCommitted()).isEqualTo(3);
    assertThat(output.stats().malformedSourceLines()).isEqualTo(1);
    List<String> received = h.destinationLines();
    assertThat(StreamDeclaration.parse(received.get(1).getBytes(StandardCharsets.UTF_8))).as("renamed, secret left out")
        .isEqualTo(new StreamDeclaration(0, "raw_public", "pg_users", List.of("id", "name"),
            List.of(RowValueKind.INTEGER, RowValueKind.STRING)));
    assertThat(received.get(2)).isEqualTo(text(new TypedRowBuilder().row(0, 5).text("1").text("n\t1").toLine()));
    assertThat(StreamDeclaration.parse(received.get(3).getBytes(StandardCharsets.UTF_8)).name()).isEqualTo("pg_orders");
    assertThat(received.get(4)).as("no field left out: the very line").isEqualTo(
        text(new TypedRowBuilder().row(1, 5).text("1").text("o1").toLine()));
    assertThat(received.get(5)).isEqualTo(text(new TypedRowBuilder().row(0, 5).text("2").nullValue().toLine()));
    assertThat(received).noneMatch(line -> line.contains("audit") || line.startsWith("\u001eR\t2\t") || line.startsWith("\u001eR\t7\t"));
    assertThat(h.persistence.current("connection-1").messages()).extracting(s -> s.getStream().getStreamDescriptor())
        .containsExactlyInAnyOrder(USERS, ORDERS);
    StreamStatistics userStats = output.stats().streams().stream().filter(s -> s.streamName().equals("users")).findFirst()
        .orElseThrow();
    assertThat(userStats.recordsEmitted()).isEqualTo(2);
    assertThat(userStats.recordsCommitted()).isEqualTo(2);
    assertThat(userStats.bytesEmitted()).isEqualTo(received.get(2).length() + received.get(5).length());
    assertThat(h.log(output)).contains("a row of a stream no stream line declared")
        .contains("rows of stream public.audit, which is not in the connection's catalog");
  }

  private static String text(byte[] line) {
    return new String(line, StandardCharsets.UTF_8);
  }

  @Test
  void destinationDefaultNamespaceDropsTheNamespace() throws Exception {
    EngineHarness h = new EngineHarness(dir);
    h.namespaces = new NamespaceMapping(NamespaceDefinition.DESTINATION, null, null);
    Messages m = records(new Messages(), "users", 1, 1).state("public", "users", "{\"cursor\":1}");

    ReplicationOutput output = h.run(h.source(m.toString(), "exit 0"));

    assertThat(output.status()).isEqualTo(ReplicationStatus.COMPLETED);
    assertThat(h.destinationInput().get(0).get("record").has("namespace")).isFalse();
    assertThat(h.persistence.current("connection-1").messages().get(0).getStream().getStreamDescriptor()).isEqualTo(USERS);
  }

  @Test
  void aDestinationThatFoldsStatesCommitsEveryStateUpToItsEcho() throws Exception {
    EngineHarness h = new EngineHarness(dir);
    h.destinationConfig.put("mode", "last").put("echo_unknown", true);
    Messages m = records(new Messages(), "users", 1, 2).state("public", "users", "{\"cursor\":2}")
        .state("public", "orders", "{\"cursor\":0}");
    records(m, "users", 3, 3).line("{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":"
        + "{\"namespace\":\"public\",\"name\":\"users\"},\"stream_state\":{\"cursor\":3}},\"sourceStats\":{\"recordCount\":7.0}}}");

    ReplicationOutput output = h.run(h.source(m.toString(), "exit 0"));

    assertThat(output.status()).isEqualTo(ReplicationStatus.COMPLETED);
    assertThat(output.stats().stateMessagesCommitted()).isEqualTo(3);
    assertThat(h.persistence.current("connection-1").messages()).extracting(AirbyteStateMessage::getStream)
        .extracting(s -> s.getStreamDescriptor().getName() + "=" + s.getStreamState().get("cursor"))
        .containsExactlyInAnyOrder("users=3", "orders=0");
    assertThat(h.log(output)).contains("The destination emitted a state the source did not send")
        .contains("sourceStats.recordCount) but 1 records came before it");
  }

  @Test
  void aSmallQueueBoundsMemoryAndStillMovesEverything() throws Exception {
    EngineHarness h = new EngineHarness(dir);
    h.settings = new ReplicationSettings(Duration.ofMinutes(1), 4096, Duration.ofMinutes(1));
    Messages m = new Messages();
    for (int chunk = 0; chunk < 20; chunk++) {
      records(m, "users", chunk * 500 + 1, chunk * 500 + 500).state("public", "users", "{\"cursor\":" + (chunk * 500 + 500) + "}");
    }

    ReplicationOutput output = h.run(h.source(m.toString(), "exit 0"));

    assertThat(output.status()).isEqualTo(ReplicationStatus.COMPLETED);
    assertThat(output.stats().recordsCommitted()).isEqualTo(10_000);
    assertThat(h.destinationInput()).hasSize(10_020);
    assertThat(output.lastCommittedState().getStream().getStreamState().get("cursor").asInt()).isEqualTo(10_000);
  }

  @Test
  void aConnectorThatCannotStartFailsTheAttemptCleanly() throws Exception {
    EngineHarness h = new EngineHarness(dir);
    ReplicationInput input = new ReplicationInput("connection-1", "8", 0,
        new io.airbyte.contract.connector.ConnectorRuntime.DockerImage("only/in-docker", "1"), io.airbyte.protocol.json.Jsons.object(),
        EngineHarness.destination(), h.destinationConfig, h.catalog, List.of(), null, List.of());

    ReplicationOutput output = h.worker().start(input).await();

    assertThat(output.status()).isEqualTo(ReplicationStatus.FAILED);
    assertThat(output.failures().get(0).failureOrigin()).isEqualTo(FailureOrigin.SOURCE);
    assertThat(output.failures().get(0).externalMessage()).contains("only/in-docker:1 has no local command");
    // the destination, started first, was stopped: no process of this test's job directory remains
    assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(dir.toString())))
        .isEmpty();
  }
}
