package io.airbyte.server.actor;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.server.Page;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /sources} and {@code /destinations} of the public API share this; the subclasses give the paths. */
abstract class ActorsController {

  /** Create, PUT and PATCH bodies: {@code sourceId}/{@code destinationId} are not part of them. */
  record ActorRequest(String name, UUID workspaceId, UUID definitionId, JsonNode configuration) {}

  /** {@code {sourceId|destinationId, name, sourceType|destinationType, definitionId, workspaceId, configuration, createdAt}} */
  record ActorResponse(@com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> fields) {
    @JsonAnyGetter
    Map<String, Object> json() {
      return fields;
    }

    static ActorResponse of(ActorService.View v) {
      ActorType type = v.actor().type();
      Map<String, Object> fields = new java.util.LinkedHashMap<>();
      fields.put(type == ActorType.SOURCE ? "sourceId" : "destinationId", v.actor().id());
      fields.put("name", v.actor().name());
      fields.put(ActorService.typeKey(type), v.typeName());
      fields.put("definitionId", v.definition().id());
      fields.put("workspaceId", v.actor().workspaceId());
      fields.put("configuration", v.maskedConfiguration());
      fields.put("createdAt", v.actor().createdAt().getEpochSecond());
      return new ActorResponse(fields);
    }
  }

  private final ActorService actors;

  private final ActorType type;

  ActorsController(ActorService actors, ActorType type) {
    this.actors = actors;
    this.type = type;
  }

  @RestController
  @org.springframework.web.bind.annotation.RequestMapping("/api/public/v1/sources")
  static class Sources extends ActorsController {
    Sources(ActorService actors) {
      super(actors, ActorType.SOURCE);
    }
  }

  @RestController
  @org.springframework.web.bind.annotation.RequestMapping("/api/public/v1/destinations")
  static class Destinations extends ActorsController {
    Destinations(ActorService actors) {
      super(actors, ActorType.DESTINATION);
    }
  }

  @PostMapping
  ActorResponse create(@RequestBody ActorRequest request) {
    return ActorResponse.of(actors.create(type, request.name(), request.workspaceId(), request.definitionId(),
        request.configuration()));
  }

  @GetMapping("/{id}")
  ActorResponse get(@PathVariable UUID id) {
    return ActorResponse.of(actors.get(type, id));
  }

  @GetMapping
  Page<ActorResponse> list(@RequestParam(required = false) List<UUID> workspaceIds,
      @RequestParam(defaultValue = "false") boolean includeDeleted, @RequestParam(defaultValue = "20") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    Page.checkPaging(limit, offset);
    return Page.of(actors.list(type, workspaceIds == null ? List.of() : workspaceIds, includeDeleted, limit, offset)
        .stream().map(ActorResponse::of).toList(), limit, offset);
  }

  @PatchMapping("/{id}")
  ActorResponse patch(@PathVariable UUID id, @RequestBody ActorRequest request) {
    return ActorResponse.of(actors.update(type, id, request.name(), request.configuration(), true));
  }

  @PutMapping("/{id}")
  ActorResponse put(@PathVariable UUID id, @RequestBody ActorRequest request) {
    return ActorResponse.of(actors.update(type, id, request.name(), request.configuration(), false));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID id) {
    actors.delete(type, id);
  }
}
