package io.airbyte.server.definition;

import io.airbyte.scheduler.command.ConnectorCommands;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The config API's connector definitions: {@code GET ?type=source|destination} with their specs,
 * and custom definitions added ({@code POST}, by image or by runtime; the progress of the first
 * {@code spec} while it runs) and deleted; {@link DefinitionService} does the work.
 */
@RestController
@RequestMapping("/api/v1/definitions")
class DefinitionsController {

  private final DefinitionService definitions;

  DefinitionsController(DefinitionService definitions) {
    this.definitions = definitions;
  }

  @GetMapping
  List<DefinitionView> list(@RequestParam String type, @RequestParam(required = false) UUID workspaceId) {
    return definitions.list(type, workspaceId);
  }

  @PostMapping
  DefinitionView create(@RequestBody CustomDefinitionRequest request) {
    return definitions.create(request);
  }

  /** While a definition's first {@code spec} runs under {@code requestId}: its last lines ({@code running} false once it ended). */
  @GetMapping("/progress/{requestId}")
  ConnectorCommands.CommandProgress progress(@PathVariable UUID requestId) {
    return definitions.progress(requestId);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID id) {
    definitions.delete(id);
  }
}
