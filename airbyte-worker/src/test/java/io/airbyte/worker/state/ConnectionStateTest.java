package io.airbyte.worker.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteStateMessage;
import io.airbyte.protocol.models.DestinationSyncMode;
import io.airbyte.protocol.models.StreamDescriptor;
import io.airbyte.protocol.testing.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionStateTest {

  private static final StreamDescriptor USERS = new StreamDescriptor().withNamespace("public").withName("users");

  static AirbyteStateMessage stream(String name, int cursor) {
    return Jsons.deserialize("{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"namespace\":\"public\",\"name\":\""
        + name + "\"},\"stream_state\":{\"cursor\":" + cursor + "}},\"sourceStats\":{\"recordCount\":3.0}}", AirbyteStateMessage.class);
  }

  static AirbyteStateMessage global(String shared, String... streams) {
    StringBuilder s = new StringBuilder("{\"type\":\"GLOBAL\",\"global\":{\"shared_state\":{\"lsn\":" + shared + "},\"stream_states\":[");
    for (int i = 0; i < streams.length; i++) {
      s.append(i == 0 ? "" : ",").append("{\"stream_descriptor\":{\"namespace\":\"public\",\"name\":\"").append(streams[i])
          .append("\"},\"stream_state\":{}}");
    }
    return Jsons.deserialize(s.append("]}}").toString(), AirbyteStateMessage.class);
  }

  @Test
  void streamStatesKeepTheLatestPerStreamWithoutStats() {
    ConnectionState state = ConnectionState.of(List.of(stream("users", 1), stream("orders", 5), stream("users", 2)));

    assertThat(state.messages()).extracting(m -> m.getStream().getStreamDescriptor().getName() + "="
        + m.getStream().getStreamState().get("cursor")).containsExactly("orders=5", "users=2");
    assertThat(state.messages()).allMatch(m -> m.getSourceStats() == null);
  }

  @Test
  void aStateOfAnotherTypeReplacesEverything() {
    ConnectionState state = ConnectionState.of(List.of(stream("users", 1), global("9", "users")));

    assertThat(state.type()).isEqualTo(io.airbyte.protocol.models.AirbyteStateType.GLOBAL);
    assertThat(state.messages()).hasSize(1);
    AirbyteStateMessage legacy = new AirbyteStateMessage().withData(Jsons.deserialize("{\"x\":1}"));
    assertThat(state.apply(legacy).messages()).containsExactly(legacy);
  }

  @Test
  void withoutStreamsCutsStreamAndGlobalStatesAndDropsLegacyEntirely() {
    ConnectionState streams = ConnectionState.of(List.of(stream("users", 1), stream("orders", 5)));
    assertThat(streams.withoutStreams(Set.of(USERS)).messages()).hasSize(1);
    assertThat(streams.withoutStreams(Set.of(USERS, new StreamDescriptor().withNamespace("public").withName("orders"))).isEmpty())
        .isTrue();

    ConnectionState global = ConnectionState.of(List.of(global("9", "users", "orders")));
    AirbyteStateMessage cut = global.withoutStreams(Set.of(USERS)).messages().get(0);
    assertThat(cut.getGlobal().getStreamStates()).extracting(s -> s.getStreamDescriptor().getName()).containsExactly("orders");
    assertThat(cut.getGlobal().getSharedState().get("lsn").asInt()).isEqualTo(9);
    // the original is untouched
    assertThat(global.messages().get(0).getGlobal().getStreamStates()).hasSize(2);

    ConnectionState legacy = ConnectionState.empty().apply(new AirbyteStateMessage().withData(Jsons.object()));
    assertThat(legacy.withoutStreams(Set.of(USERS)).isEmpty()).isTrue();
  }

  @Test
  void theFirstAttemptOfAJobDropsFullRefreshStatesLaterAttemptsKeepThem() {
    var catalog = Messages.catalog(
        Messages.stream("public", "users", "{}", DestinationSyncMode.OVERWRITE, List.of("id"), null, 1, 1),
        Messages.stream("public", "orders", "{}", DestinationSyncMode.APPEND, List.of("id"), "id", 1, 0));
    InMemoryStatePersistence persistence = new InMemoryStatePersistence();
    persistence.commit("c", List.of(stream("users", 1), stream("orders", 5)));

    assertThat(InputStates.forAttempt(persistence.current("c"), catalog, false).messages()).hasSize(2);
    ConnectionState first = InputStates.startAttempt(persistence, "c", catalog, true);
    assertThat(first.messages()).extracting(m -> m.getStream().getStreamDescriptor().getName()).containsExactly("orders");
    // and the persisted state no longer offers the old full refresh progress to a later attempt of this job
    assertThat(persistence.current("c")).isEqualTo(first);
  }

  @Test
  void fileStatePersistenceRoundTripsAndReplacesAtomically(@TempDir Path dir) throws Exception {
    FileStatePersistence files = new FileStatePersistence(dir);
    assertThat(files.current("c1").isEmpty()).isTrue();
    files.commit("c1", List.of(stream("users", 1)));
    files.commit("c1", List.of(stream("orders", 2), stream("users", 3)));

    FileStatePersistence reopened = new FileStatePersistence(dir);
    assertThat(reopened.current("c1").messages()).extracting(m -> m.getStream().getStreamState().get("cursor").asInt())
        .containsExactly(2, 3);
    assertThat(Files.list(dir)).extracting(p -> p.getFileName().toString()).containsExactly("c1.json");
    // the file is what --state takes: a JSON array of state messages
    assertThat(Jsons.readFile(dir.resolve("c1.json")).isArray()).isTrue();
  }
}
