package io.airbyte.server.actor;

import io.airbyte.contract.connector.ActorType;
import io.airbyte.db.actor.Actor;
import io.airbyte.db.actor.ActorRepository;
import io.airbyte.server.workspace.WorkspaceResources;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A workspace's sources and destinations, deleted with it as Airbyte deletes them: each as
 * {@link ActorService#delete} does, so its connections are deleted too and their workflows told
 * (a running job is cancelled, none is scheduled again).
 */
@Component
class WorkspaceActors implements WorkspaceResources {

  private static final int PAGE = 100;

  private final ActorRepository actors;
  private final ActorService service;

  WorkspaceActors(ActorRepository actors, ActorService service) {
    this.actors = actors;
    this.service = service;
  }

  @Override
  public void deleteAll(UUID workspaceId) {
    for (ActorType type : List.of(ActorType.SOURCE, ActorType.DESTINATION)) {
      // each page deleted leaves the listing: the first page again until it is empty
      for (List<Actor> page = actors.list(type, List.of(workspaceId), false, PAGE, 0); !page.isEmpty();
          page = actors.list(type, List.of(workspaceId), false, PAGE, 0)) {
        page.forEach(a -> service.delete(type, a.id()));
      }
    }
  }
}
