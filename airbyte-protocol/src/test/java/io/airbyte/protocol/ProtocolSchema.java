package io.airbyte.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The official protocol schema (test resource airbyte_protocol/airbyte_protocol.yaml) as a validator. */
public final class ProtocolSchema {

  private static final JsonNode ROOT = load();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private ProtocolSchema() {}

  public static JsonNode definitions() {
    return ROOT.get("definitions");
  }

  /** Validation errors of {@code value} against {@code #/definitions/<definition>}; empty when valid. */
  public static List<String> validate(String definition, JsonNode value) {
    if (!definitions().has(definition)) {
      throw new IllegalArgumentException("no definition " + definition);
    }
    Schema schema = SCHEMAS.computeIfAbsent(definition, d -> {
      ObjectNode doc = new ObjectMapper().createObjectNode();
      doc.set("definitions", definitions());
      doc.put("$ref", "#/definitions/" + d);
      return REGISTRY.getSchema(doc);
    });
    return schema.validate(value).stream().map(Error::toString).toList();
  }

  private static JsonNode load() {
    try (InputStream in = ProtocolSchema.class.getResourceAsStream("/airbyte_protocol/airbyte_protocol.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
