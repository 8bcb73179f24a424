package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.json.Jsons;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of every object of the protocol model. The schema allows additional properties everywhere,
 * so properties this model does not know are kept, in order, and written back: a round trip loses
 * nothing. JSON names come from the {@code @JsonProperty} annotations on fields only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE,
    setterVisibility = Visibility.NONE)
public abstract class ProtocolObject {

  @JsonIgnore
  private Map<String, JsonNode> additionalProperties;

  /** Properties present in the JSON that this model has no field for. */
  @JsonAnyGetter
  public Map<String, JsonNode> getAdditionalProperties() {
    return additionalProperties == null ? Collections.emptyMap() : additionalProperties;
  }

  @JsonAnySetter
  public void setAdditionalProperty(String name, JsonNode value) {
    if (additionalProperties == null) {
      additionalProperties = new LinkedHashMap<>();
    }
    additionalProperties.put(name, value);
  }

  protected final boolean sameAdditionalProperties(ProtocolObject other) {
    return getAdditionalProperties().equals(other.getAdditionalProperties());
  }

  /** The object as one line of JSON. */
  @Override
  public String toString() {
    return Jsons.serialize(this);
  }
}
