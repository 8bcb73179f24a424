package io.airbyte.server.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The OpenAPI document describes the errors each operation really answers, as
 * {@code application/problem+json} ({@code type, title, status, detail, instance}, and {@code errors}
 * naming the fields, {@code pointer}, {@code line}, {@code column} for an unreadable body): every
 * operation 400 (a parameter or body it cannot read) and, but health, 401 (the token endpoint's for wrong
 * client credentials); one with a path id, a body or query parameters 404 (what it names or refers to does
 * not exist); one with a body 415 and 422; starting a job 409, and 503 when the scheduler is not there.
 */
@Component
class ProblemResponses implements OpenApiCustomizer {

  static final String PROBLEM_JSON = "application/problem+json";
  private static final String HEALTH = "/api/public/v1/health";

  @Override
  public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
    if (openApi.getPaths() == null) {
      return;
    }
    openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
        document(path, method, operation)));
  }

  private static void document(String path, PathItem.HttpMethod method, Operation operation) {
    ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    put(responses, "400", "A parameter or the body cannot be read; errors[] names it");
    if (!path.equals(HEALTH)) {
      put(responses, "401", "No or wrong credentials");
    }
    if (path.contains("{") || operation.getRequestBody() != null || queried(operation)) {
      put(responses, "404", "No such resource: the one of the path, or one the body or a parameter refers to");
    }
    if (operation.getRequestBody() != null) {
      put(responses, "415", "The body is not application/json");
    }
    if (operation.getRequestBody() != null || queried(operation)) {
      put(responses, "422", "Valid JSON or parameters, but not valid input; errors[] names each field at fault");
    }
    if (path.equals("/api/public/v1/jobs") && method == PathItem.HttpMethod.POST) {
      put(responses, "409", "Another job of the connection is running");
      put(responses, "503", "The scheduler cannot be reached; no job was started");
    }
    operation.setResponses(responses);
  }

  private static boolean queried(Operation operation) {
    return operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> "query".equals(p.getIn()));
  }

  private static void put(ApiResponses responses, String status, String description) {
    if (!responses.containsKey(status)) {
      responses.addApiResponse(status, new ApiResponse().description(description)
          .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(problem()))));
    }
  }

  @SuppressWarnings("rawtypes")
  private static Schema problem() {
    Map<String, Schema> properties = new LinkedHashMap<>();
    properties.put("type", new StringSchema());
    properties.put("title", new StringSchema());
    properties.put("status", new IntegerSchema());
    properties.put("detail", new StringSchema());
    properties.put("instance", new StringSchema());
    properties.put("errors", new ArraySchema().items(new StringSchema()).description("path: message, one per field at fault"));
    properties.put("pointer", new StringSchema().description("RFC 6901 pointer into the body at fault"));
    properties.put("line", new IntegerSchema());
    properties.put("column", new IntegerSchema());
    ObjectSchema schema = new ObjectSchema();
    schema.setProperties(properties);
    schema.addRequiredItem("status");
    schema.addRequiredItem("title");
    return schema;
  }
}
