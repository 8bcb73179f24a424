package io.airbyte.server.workspace;

import java.util.UUID;

/** What lives in a workspace and goes with it when it is deleted (its sources, destinations and their connections). */
public interface WorkspaceResources {

  /** Deletes everything of the workspace, as deleting each source and destination would. */
  void deleteAll(UUID workspaceId);
}
