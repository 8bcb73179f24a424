package io.airbyte.server.actor;

import static io.airbyte.server.actor.ActorService.MASK;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.db.secret.SecretSplitter;
import io.airbyte.protocol.json.Jsons;
import java.util.ArrayList;
import java.util.List;

/**
 * Stored secrets behind {@link ActorService#MASK}: a response shows the mask where a secret's
 * reference is stored, and a request that sends the mask back keeps the stored secret; a mask with
 * no stored secret behind it is a problem to report, never a value to store.
 */
final class SecretMasks {

  private SecretMasks() {}

  /** Puts the stored secret reference where the request sent the mask back. */
  static void restoreMasked(JsonNode incoming, JsonNode stored) {
    if (!(incoming instanceof ObjectNode object) || stored == null || !stored.isObject()) {
      return;
    }
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode value = object.get(name);
      JsonNode before = stored.get(name);
      if (value.isTextual() && MASK.equals(value.asText()) && SecretSplitter.isReference(before)) {
        object.set(name, before.deepCopy());
      } else if (value.isObject()) {
        restoreMasked(value, before);
      }
    }
  }

  /** Reports each mask left in a configuration (after {@link #restoreMasked}): no stored secret is behind it. */
  static void containsMask(JsonNode node, String path, List<String> problems) {
    if (node.isTextual() && MASK.equals(node.asText())) {
      problems.add((path.isEmpty() ? "$" : path) + ": the mask " + MASK + " stands for no stored secret here");
    } else if (node.isObject() && !SecretSplitter.isReference(node)) {
      node.fields().forEachRemaining(e -> containsMask(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
          problems));
    }
  }

  /** The configuration as a response shows it: each stored secret's reference replaced by the mask. */
  static JsonNode mask(JsonNode stored) {
    if (SecretSplitter.isReference(stored)) {
      return Jsons.mapper().getNodeFactory().textNode(MASK);
    }
    if (stored instanceof ObjectNode object) {
      ObjectNode copy = Jsons.object();
      object.fields().forEachRemaining(e -> copy.set(e.getKey(), mask(e.getValue())));
      return copy;
    }
    return stored == null ? null : stored.deepCopy();
  }
}
