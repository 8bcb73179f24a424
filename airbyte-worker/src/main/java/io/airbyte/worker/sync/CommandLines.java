package io.airbyte.worker.sync;

import io.airbyte.contract.command.ConnectorCommandProgress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The last platform lines of one connector command (the launch, a Python package's install, pip's
 * lines), at most {@link ConnectorCommandProgress#MAX_LINES}: what the command's heartbeats carry, so
 * the API can show an install of a minute or two while it runs.
 */
final class CommandLines implements Consumer<String> {

  private final Deque<String> lines = new ArrayDeque<>();

  @Override
  public synchronized void accept(String line) {
    lines.addLast(line);
    while (lines.size() > ConnectorCommandProgress.MAX_LINES) {
      lines.removeFirst();
    }
  }

  synchronized ConnectorCommandProgress progress() {
    return new ConnectorCommandProgress(List.copyOf(lines));
  }
}
