package io.airbyte.protocol.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a config against a connector's {@code connectionSpecification} (JSON Schema, draft 7
 * unless the schema says otherwise) and reports every failing property by its path. Messages name
 * properties and rules, never the values, so secrets do not leak into them. Used by the server
 * (configurations saved through the API) and by the connector kit (a connector's config before it runs).
 */
public final class ConfigValidator {

  /**
   * Draft 7, where keywords of connector specs that carry no validation ({@code airbyte_secret},
   * {@code order}, {@code group}, {@code multiline} …) are annotations, not warnings in the log.
   */
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      Dialect.builder(Dialects.getDraft7())
          .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
          .build());

  private ConfigValidator() {}

  /** One line per failing property ({@code "port: string found, integer expected"}); empty when valid. */
  public static List<String> validate(JsonNode connectionSpecification, JsonNode config) {
    Schema schema = REGISTRY.getSchema(connectionSpecification);
    List<String> problems = new ArrayList<>();
    for (Error error : schema.validate(config)) {
      problems.add(path(error) + ": " + error.getMessage());
    }
    return problems;
  }

  private static String path(Error error) {
    String location = error.getInstanceLocation().toString();
    StringBuilder path = new StringBuilder();
    for (String part : location.split("/")) {
      if (!part.isEmpty()) {
        path.append(path.length() == 0 ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
      }
    }
    if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
      path.append(path.length() == 0 ? "" : ".").append(error.getProperty());
    }
    return path.length() == 0 ? "$" : path.toString();
  }
}
