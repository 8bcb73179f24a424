package io.airbyte.server.actor;

import io.airbyte.contract.connector.ActorType;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The config API's connection checks of {@code /api/v1/sources} and {@code /api/v1/destinations}
 * (the subclasses give the paths): a configuration before it is saved, and a saved one, as it is or
 * with an edit; {@link ActorService} runs them.
 */
abstract class ActorChecksController {

  private final ActorService actors;

  private final ActorType type;

  ActorChecksController(ActorService actors, ActorType type) {
    this.actors = actors;
    this.type = type;
  }

  @RestController
  @RequestMapping("/api/v1/sources")
  static class Sources extends ActorChecksController {
    Sources(ActorService actors) {
      super(actors, ActorType.SOURCE);
    }
  }

  @RestController
  @RequestMapping("/api/v1/destinations")
  static class Destinations extends ActorChecksController {
    Destinations(ActorService actors) {
      super(actors, ActorType.DESTINATION);
    }
  }

  @PostMapping("/check")
  CheckResponse checkNew(@RequestBody CheckRequest request) {
    return actors.checkNew(type, request);
  }

  @PostMapping("/{id}/check")
  CheckResponse checkSaved(@PathVariable UUID id, @RequestBody(required = false) EditCheckRequest edit) {
    return actors.checkSaved(type, id, edit);
  }
}
