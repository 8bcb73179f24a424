package io.airbyte.db.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.protocol.json.Jsons;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Separates a configuration's secrets (the properties its spec marks {@code airbyte_secret}, at any
 * depth, in {@code oneOf} branches too) from the rest: {@link #split} replaces each secret value by
 * {@code {"_secret": "<coordinate>"}} and stores the value in the {@link SecretRepository}; {@link
 * #hydrate} puts the values back for the connector.
 */
public final class SecretSplitter {

  public static final String REFERENCE = "_secret";
  private final SecretRepository secrets;

  public SecretSplitter(SecretRepository secrets) {
    this.secrets = secrets;
  }

  /** The configuration to store: secrets replaced by references (fresh coordinates for new values). */
  public JsonNode split(UUID workspaceId, JsonNode connectionSpecification, JsonNode config) {
    JsonNode copy = config.deepCopy();
    replace(workspaceId, connectionSpecification, copy);
    return copy;
  }

  private void replace(UUID workspaceId, JsonNode schema, JsonNode value) {
    if (schema == null || !(value instanceof ObjectNode object)) {
      return;
    }
    for (JsonNode variant : variants(schema)) {
      JsonNode properties = variant.get("properties");
      if (properties == null || !properties.isObject()) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> property = it.next();
        JsonNode v = object.get(property.getKey());
        if (v == null || v.isNull()) {
          continue;
        }
        if (property.getValue().path("airbyte_secret").asBoolean(false)) {
          if (!isReference(v)) {
            String coordinate = "airbyte_workspace_" + workspaceId + "_secret_" + UUID.randomUUID() + "_v1";
            secrets.put(coordinate, v.isTextual() ? v.asText() : Jsons.serialize(v));
            object.set(property.getKey(), Jsons.object().put(REFERENCE, coordinate));
          }
        } else {
          replace(workspaceId, property.getValue(), v);
        }
      }
    }
  }

  /** The configuration with every secret reference replaced by its value. */
  /**
   * A configuration not saved yet (or an edit), encrypted as a whole with the platform's key: what
   * the server hands the worker through Temporal, whose history a real server keeps in its database.
   */
  public String seal(JsonNode config) {
    return secrets.seal(Jsons.serialize(config));
  }

  public JsonNode unseal(String sealed) {
    return Jsons.deserialize(secrets.open(sealed));
  }

  public JsonNode hydrate(JsonNode stored) {
    if (stored == null) {
      return null;
    }
    JsonNode copy = stored.deepCopy();
    return hydrateNode(copy);
  }

  private JsonNode hydrateNode(JsonNode node) {
    if (isReference(node)) {
      String coordinate = node.get(REFERENCE).asText();
      return Jsons.mapper().getNodeFactory().textNode(secrets.get(coordinate)
          .orElseThrow(() -> new IllegalStateException("secret " + coordinate + " is missing")));
    }
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        object.set(name, hydrateNode(object.get(name)));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, hydrateNode(node.get(i)));
      }
    }
    return node;
  }

  /** The coordinates a stored configuration refers to (to delete them with it). */
  public static List<String> coordinates(JsonNode stored) {
    List<String> found = new ArrayList<>();
    collect(stored, found);
    return found;
  }

  private static void collect(JsonNode node, List<String> found) {
    if (node == null) {
      return;
    }
    if (isReference(node)) {
      found.add(node.get(REFERENCE).asText());
    } else if (node.isContainerNode()) {
      node.forEach(child -> collect(child, found));
    }
  }

  public static boolean isReference(JsonNode node) {
    return node != null && node.isObject() && node.size() == 1 && node.has(REFERENCE) && node.get(REFERENCE).isTextual();
  }

  private static List<JsonNode> variants(JsonNode schema) {
    List<JsonNode> variants = new ArrayList<>(List.of(schema));
    for (String keyword : List.of("oneOf", "anyOf", "allOf")) {
      JsonNode list = schema.get(keyword);
      if (list != null && list.isArray()) {
        list.forEach(variants::add);
      }
    }
    return variants;
  }
}
