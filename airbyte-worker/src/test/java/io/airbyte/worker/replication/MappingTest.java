package io.airbyte.worker.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.contract.connection.NamespaceDefinition;
import io.airbyte.protocol.json.RawJson;
import io.airbyte.protocol.models.StreamDescriptor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class MappingTest {

  private static final StreamDescriptor USERS = new StreamDescriptor().withNamespace("public").withName("users");

  @Test
  void namespaceDefinitionsAsAirbyte() {
    assertThat(NamespaceMapping.identity().map(USERS)).isEqualTo(USERS);
    assertThat(new NamespaceMapping(NamespaceDefinition.DESTINATION, null, "x_").map(USERS))
        .isEqualTo(new StreamDescriptor().withName("x_users"));
    assertThat(new NamespaceMapping(NamespaceDefinition.CUSTOM_FORMAT, "${SOURCE_NAMESPACE}_raw", null).map(USERS))
        .isEqualTo(new StreamDescriptor().withNamespace("public_raw").withName("users"));
    assertThat(new NamespaceMapping(NamespaceDefinition.CUSTOM_FORMAT, "${SOURCE_NAMESPACE}", null)
        .map(new StreamDescriptor().withName("n")).getNamespace()).isNull();
  }

  @Test
  void aSelectionOfEveryFieldIsNoSelection() {
    EngineHarness h = new EngineHarness(java.nio.file.Path.of("/tmp"));
    CatalogMapping all = new CatalogMapping(h.catalog, List.of(new FieldSelection(USERS, List.of("id", "name", "secret"))),
        NamespaceMapping.identity());
    assertThat(all.isIdentity()).isTrue();
    assertThat(all.route(USERS).passThrough()).isTrue();

    CatalogMapping some = new CatalogMapping(h.catalog, List.of(new FieldSelection(USERS, List.of("name"))),
        NamespaceMapping.identity());
    assertThat(some.route(USERS).fields()).containsExactlyInAnyOrder("id", "name");
    assertThat(some.sourceCatalog().getStreams().get(0).getStream().getJsonSchema().get("properties").size()).isEqualTo(2);
    assertThat(h.catalog.getStreams().get(0).getStream().getJsonSchema().get("properties").size()).isEqualTo(3);
  }

  @Test
  void lineQueueBoundsBytesAndLetsAnOversizedLineThroughAlone() throws Exception {
    LineQueue queue = new LineQueue(10);
    RawJson big = RawJson.of("\"" + "x".repeat(100) + "\"");
    assertThat(queue.put(big)).isTrue();
    Thread producer = new Thread(() -> {
      try {
        queue.put(RawJson.of("1"));
        queue.finish();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    producer.start();
    awaitBlocked(producer); // blocked while the queue is over its bound
    List<RawJson> out = new ArrayList<>();
    assertThat(queue.drainTo(out, 10)).isTrue();
    producer.join();
    assertThat(queue.drainTo(out, 10)).isTrue();
    assertThat(queue.drainTo(out, 10)).isFalse();
    assertThat(out).hasSize(2);
  }

  @Test
  void abortWakesAWaitingProducer() throws Exception {
    LineQueue queue = new LineQueue(1);
    queue.put(RawJson.of("123"));
    boolean[] accepted = {true};
    Thread producer = new Thread(() -> {
      try {
        accepted[0] = queue.put(RawJson.of("4"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    producer.start();
    awaitBlocked(producer);
    queue.abort();
    producer.join(); // bounded by the class's timeout
    assertThat(accepted[0]).isFalse();
  }

  /**
   * Waits until {@code producer} is parked in {@link LineQueue#put}: nothing else holds the queue's
   * lock, so a waiting producer waits for room. A put that does not block ends the thread instead,
   * which fails here.
   */
  private static void awaitBlocked(Thread producer) throws InterruptedException {
    while (producer.getState() != Thread.State.WAITING) {
      assertThat(producer.getState()).as("the producer ended instead of waiting for room").isNotEqualTo(Thread.State.TERMINATED);
      Thread.sleep(1);
    }
  }
}
