package io.airbyte.server.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Connector Builder's test read for the UI, as Airbyte's builder server has it ({@code
 * POST /stream/read} with a StreamReadRequestBody, answering a StreamRead): a manifest not saved yet
 * read with a config, the first records of a stream with its pages, their HTTP requests and
 * responses, and the logs.
 */
@RestController
@RequestMapping("/api/v1/connector_builder")
class ConnectorBuilderController {

  private final DeclarativeSourceService service;

  ConnectorBuilderController(DeclarativeSourceService service) {
    this.service = service;
  }

  @PostMapping("/stream/read")
  JsonNode read(@RequestBody DeclarativeSourceRequests.StreamRead request) {
    return service.testRead(request);
  }
}
