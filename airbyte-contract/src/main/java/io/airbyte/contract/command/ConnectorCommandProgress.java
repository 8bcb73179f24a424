package io.airbyte.contract.command;

import java.util.List;

/**
 * What a running connector command has done so far, as the worker reports it in the activity's
 * heartbeats: its last platform lines (the launch, a Python package's install, pip's lines), oldest
 * first. The API reads it while the command runs, so the UI can show an install of a minute or two.
 */
public record ConnectorCommandProgress(List<String> lines) {

  /** The most lines a heartbeat carries. */
  public static final int MAX_LINES = 20;

  public ConnectorCommandProgress {
    lines = List.copyOf(lines);
  }
}
