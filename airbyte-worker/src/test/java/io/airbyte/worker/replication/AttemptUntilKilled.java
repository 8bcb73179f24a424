package io.airbyte.worker.replication;

import io.airbyte.protocol.testing.Messages;
import java.nio.file.Path;

/**
 * A worker JVM in the middle of an attempt, to be killed with {@code kill -9}: {@code java …
 * AttemptUntilKilled DIR} runs job 7's attempt 0 in {@code DIR/workspace} with a source that sends
 * two records and then hangs ({@link EngineHarness}), and waits.
 */
public final class AttemptUntilKilled {

  private AttemptUntilKilled() {}

  public static void main(String[] args) throws InterruptedException {
    EngineHarness h = new EngineHarness(Path.of(args[0]));
    Messages messages = EngineHarness.records(new Messages(), "users", 1, 2).state("public", "users", "{\"cursor\":2}");
    h.start(h.source(messages.toString(), "exec sleep 600"));
    Thread.sleep(Long.MAX_VALUE);
  }
}
