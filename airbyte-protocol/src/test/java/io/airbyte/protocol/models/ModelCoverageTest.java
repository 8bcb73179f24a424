package io.airbyte.protocol.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.airbyte.protocol.ProtocolSchema;
import io.airbyte.protocol.json.Jsons;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every definition of the official schema has a Java model with exactly its JSON names. */
class ModelCoverageTest {

  /** Definitions that are free-form JSON in the schema and JsonNode in the model, as Airbyte's Java model has them. */
  private static final Set<String> JSON_NODE_DEFINITIONS = Set.of("AirbyteStateBlob");

  /** Inline object definitions that are nested classes in the model. */
  private static final Map<String, Class<?>> INLINE = Map.of(
      "ConnectorSpecification.authSpecification", ConnectorSpecification.AuthSpecification.class,
      "ConnectorSpecification.advanced_auth", ConnectorSpecification.AdvancedAuth.class);

  @Test
  void everyObjectDefinitionHasAClassWithTheSameProperties() throws Exception {
    List<String> checked = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = ProtocolSchema.definitions().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> definition = it.next();
      String name = definition.getKey();
      JsonNode schema = definition.getValue();
      if (JSON_NODE_DEFINITIONS.contains(name) || schema.has("enum")) {
        continue;
      }
      Class<?> model = Class.forName("io.airbyte.protocol.models." + name);
      assertThat(jsonProperties(model)).as(name).isEqualTo(schemaProperties(schema));
      checked.add(name);
      schema.path("properties").fields().forEachRemaining(p -> {
        String key = name + "." + p.getKey();
        if (INLINE.containsKey(key)) {
          assertThat(jsonProperties(INLINE.get(key))).as(key).isEqualTo(schemaProperties(p.getValue()));
        }
      });
    }
    assertThat(checked).hasSizeGreaterThan(25);
  }

  @Test
  void everyEnumDefinitionHasAnEnumWithTheSameValues() throws Exception {
    for (Iterator<Map.Entry<String, JsonNode>> it = ProtocolSchema.definitions().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> definition = it.next();
      if (definition.getValue().has("enum")) {
        Class<?> model = Class.forName("io.airbyte.protocol.models." + definition.getKey());
        assertThat(enumValues(model)).as(definition.getKey()).isEqualTo(schemaEnum(definition.getValue()));
      }
    }
  }

  @Test
  void inlineEnumsHaveTheSchemaValues() {
    JsonNode defs = ProtocolSchema.definitions();
    assertThat(enumValues(AirbyteMessage.Type.class)).isEqualTo(schemaEnum(defs.at("/AirbyteMessage/properties/type")));
    assertThat(enumValues(AirbyteLogMessage.Level.class)).isEqualTo(schemaEnum(defs.at("/AirbyteLogMessage/properties/level")));
    assertThat(enumValues(AirbyteTraceMessage.Type.class)).isEqualTo(schemaEnum(defs.at("/AirbyteTraceMessage/properties/type")));
    assertThat(enumValues(AirbyteErrorTraceMessage.FailureType.class))
        .isEqualTo(schemaEnum(defs.at("/AirbyteErrorTraceMessage/properties/failure_type")));
    assertThat(enumValues(AirbyteEstimateTraceMessage.Type.class))
        .isEqualTo(schemaEnum(defs.at("/AirbyteEstimateTraceMessage/properties/type")));
    assertThat(enumValues(AirbyteControlMessage.Type.class)).isEqualTo(schemaEnum(defs.at("/AirbyteControlMessage/properties/type")));
    assertThat(enumValues(AirbyteConnectionStatus.Status.class))
        .isEqualTo(schemaEnum(defs.at("/AirbyteConnectionStatus/properties/status")));
    assertThat(enumValues(AirbyteRecordMessageMetaChange.Change.class))
        .isEqualTo(schemaEnum(defs.at("/AirbyteRecordMessageMetaChange/properties/change")));
    assertThat(enumValues(AirbyteRecordMessageMetaChange.Reason.class))
        .isEqualTo(schemaEnum(defs.at("/AirbyteRecordMessageMetaChange/properties/reason")));
    assertThat(enumValues(ConnectorSpecification.AuthSpecification.AuthType.class))
        .isEqualTo(schemaEnum(defs.at("/ConnectorSpecification/properties/authSpecification/properties/auth_type")));
    assertThat(enumValues(ConnectorSpecification.AdvancedAuth.AuthFlowType.class))
        .isEqualTo(schemaEnum(defs.at("/ConnectorSpecification/properties/advanced_auth/properties/auth_flow_type")));
  }

  private static Set<String> jsonProperties(Class<?> model) {
    JavaType type = Jsons.mapper().constructType(model);
    BeanDescription description = Jsons.mapper().getSerializationConfig().introspect(type);
    return description.findProperties().stream()
        .map(BeanPropertyDefinition::getName)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> schemaProperties(JsonNode schema) {
    Set<String> names = new TreeSet<>();
    schema.path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> enumValues(Class<?> enumType) {
    return Arrays.stream(enumType.getFields())
        .filter(java.lang.reflect.Field::isEnumConstant)
        .map(f -> f.getAnnotation(JsonProperty.class).value())
        .toList();
  }

  private static List<String> schemaEnum(JsonNode schema) {
    List<String> values = new ArrayList<>();
    schema.path("enum").forEach(v -> values.add(v.asText()));
    assertThat(values).as("enum of %s", schema).isNotEmpty();
    return values;
  }
}
