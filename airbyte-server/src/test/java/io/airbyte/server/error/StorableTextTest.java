package io.airbyte.server.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.protocol.json.Jsons;
import org.junit.jupiter.api.Test;

/** Text PostgreSQL cannot store, found wherever it is in a body and named by its path. */
class StorableTextTest {

  @Test
  void aNulOrAnUnpairedSurrogateIsFoundAtAnyDepthByItsPath() {
    var body = Jsons.deserialize("{\"name\":\"a\\u0000b\",\"configuration\":{\"host\":\"db\\u0000\",\"port\":5432,"
        + "\"nested\":{\"list\":[\"ok\",{\"deep\":\"x\\ud800y\"}]}},\"configurations\":{\"streams\":[{\"name\":\"fine\"},"
        + "{\"name\":\"\\u0000\"}]},\"prefix\":\"p\\u0000\",\"a\\u0000key\":1}");
    assertThat(StorableText.problems(body)).containsExactly(
        "name: contains a NUL character (\\u0000), which PostgreSQL cannot store",
        "configuration.host: contains a NUL character (\\u0000), which PostgreSQL cannot store",
        "configuration.nested.list[1].deep: contains an unpaired surrogate (\\ud800), which is not text PostgreSQL can store",
        "configurations.streams[1].name: contains a NUL character (\\u0000), which PostgreSQL cannot store",
        "prefix: contains a NUL character (\\u0000), which PostgreSQL cannot store",
        "body: a property name contains a NUL character (\\u0000), which PostgreSQL cannot store");
  }

  @Test
  void everythingElseIsStorable() {
    var body = Jsons.deserialize("{\"name\":\"shop → mart 😀 \\u0001 \\t é\",\"configuration\":{\"password\":\"\\\\u0000\"},"
        + "\"n\":null,\"b\":true,\"x\":[1,2.5]}");
    assertThat(StorableText.problems(body)).isEmpty();
    assertThat(StorableText.problems(Jsons.deserialize("\"\\u0000\""))).containsExactly(
        "body: contains a NUL character (\\u0000), which PostgreSQL cannot store");
  }
}
