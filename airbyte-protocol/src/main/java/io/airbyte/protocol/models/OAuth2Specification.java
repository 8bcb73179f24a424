package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/** Deprecated OAuth description of a connector (see {@link ConnectorSpecification.AdvancedAuth}). */
public final class OAuth2Specification extends ProtocolObject {

  @JsonProperty("rootObject")
  private List<JsonNode> rootObject;

  @JsonProperty("oauthFlowInitParameters")
  private List<List<String>> oauthFlowInitParameters;

  @JsonProperty("oauthFlowOutputParameters")
  private List<List<String>> oauthFlowOutputParameters;

  public List<JsonNode> getRootObject() {
    return rootObject;
  }

  public void setRootObject(List<JsonNode> rootObject) {
    this.rootObject = rootObject;
  }

  public OAuth2Specification withRootObject(List<JsonNode> rootObject) {
    this.rootObject = rootObject;
    return this;
  }

  public List<List<String>> getOauthFlowInitParameters() {
    return oauthFlowInitParameters;
  }

  public void setOauthFlowInitParameters(List<List<String>> oauthFlowInitParameters) {
    this.oauthFlowInitParameters = oauthFlowInitParameters;
  }

  public OAuth2Specification withOauthFlowInitParameters(List<List<String>> oauthFlowInitParameters) {
    this.oauthFlowInitParameters = oauthFlowInitParameters;
    return this;
  }

  public List<List<String>> getOauthFlowOutputParameters() {
    return oauthFlowOutputParameters;
  }

  public void setOauthFlowOutputParameters(List<List<String>> oauthFlowOutputParameters) {
    this.oauthFlowOutputParameters = oauthFlowOutputParameters;
  }

  public OAuth2Specification withOauthFlowOutputParameters(List<List<String>> oauthFlowOutputParameters) {
    this.oauthFlowOutputParameters = oauthFlowOutputParameters;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof OAuth2Specification other
        && Objects.equals(rootObject, other.rootObject)
        && Objects.equals(oauthFlowInitParameters, other.oauthFlowInitParameters)
        && Objects.equals(oauthFlowOutputParameters, other.oauthFlowOutputParameters)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rootObject, oauthFlowInitParameters, oauthFlowOutputParameters, getAdditionalProperties());
  }
}
