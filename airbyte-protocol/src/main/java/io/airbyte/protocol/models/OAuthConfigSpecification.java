package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** OAuth input and output specifications of a connector. */
public final class OAuthConfigSpecification extends ProtocolObject {

  @JsonProperty("oauth_user_input_from_connector_config_specification")
  private JsonNode oauthUserInputFromConnectorConfigSpecification;

  @JsonProperty("oauth_connector_input_specification")
  private JsonNode oauthConnectorInputSpecification;

  @JsonProperty("complete_oauth_output_specification")
  private JsonNode completeOauthOutputSpecification;

  @JsonProperty("complete_oauth_server_input_specification")
  private JsonNode completeOauthServerInputSpecification;

  @JsonProperty("complete_oauth_server_output_specification")
  private JsonNode completeOauthServerOutputSpecification;

  public JsonNode getOauthUserInputFromConnectorConfigSpecification() {
    return oauthUserInputFromConnectorConfigSpecification;
  }

  public void setOauthUserInputFromConnectorConfigSpecification(JsonNode oauthUserInputFromConnectorConfigSpecification) {
    this.oauthUserInputFromConnectorConfigSpecification = oauthUserInputFromConnectorConfigSpecification;
  }

  public OAuthConfigSpecification withOauthUserInputFromConnectorConfigSpecification(JsonNode oauthUserInputFromConnectorConfigSpecification) {
    this.oauthUserInputFromConnectorConfigSpecification = oauthUserInputFromConnectorConfigSpecification;
    return this;
  }

  public JsonNode getOauthConnectorInputSpecification() {
    return oauthConnectorInputSpecification;
  }

  public void setOauthConnectorInputSpecification(JsonNode oauthConnectorInputSpecification) {
    this.oauthConnectorInputSpecification = oauthConnectorInputSpecification;
  }

  public OAuthConfigSpecification withOauthConnectorInputSpecification(JsonNode oauthConnectorInputSpecification) {
    this.oauthConnectorInputSpecification = oauthConnectorInputSpecification;
    return this;
  }

  public JsonNode getCompleteOauthOutputSpecification() {
    return completeOauthOutputSpecification;
  }

  public void setCompleteOauthOutputSpecification(JsonNode completeOauthOutputSpecification) {
    this.completeOauthOutputSpecification = completeOauthOutputSpecification;
  }

  public OAuthConfigSpecification withCompleteOauthOutputSpecification(JsonNode completeOauthOutputSpecification) {
    this.completeOauthOutputSpecification = completeOauthOutputSpecification;
    return this;
  }

  public JsonNode getCompleteOauthServerInputSpecification() {
    return completeOauthServerInputSpecification;
  }

  public void setCompleteOauthServerInputSpecification(JsonNode completeOauthServerInputSpecification) {
    this.completeOauthServerInputSpecification = completeOauthServerInputSpecification;
  }

  public OAuthConfigSpecification withCompleteOauthServerInputSpecification(JsonNode completeOauthServerInputSpecification) {
    this.completeOauthServerInputSpecification = completeOauthServerInputSpecification;
    return this;
  }

  public JsonNode getCompleteOauthServerOutputSpecification() {
    return completeOauthServerOutputSpecification;
  }

  public void setCompleteOauthServerOutputSpecification(JsonNode completeOauthServerOutputSpecification) {
    this.completeOauthServerOutputSpecification = completeOauthServerOutputSpecification;
  }

  public OAuthConfigSpecification withCompleteOauthServerOutputSpecification(JsonNode completeOauthServerOutputSpecification) {
    this.completeOauthServerOutputSpecification = completeOauthServerOutputSpecification;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof OAuthConfigSpecification other
        && Objects.equals(oauthUserInputFromConnectorConfigSpecification, other.oauthUserInputFromConnectorConfigSpecification)
        && Objects.equals(oauthConnectorInputSpecification, other.oauthConnectorInputSpecification)
        && Objects.equals(completeOauthOutputSpecification, other.completeOauthOutputSpecification)
        && Objects.equals(completeOauthServerInputSpecification, other.completeOauthServerInputSpecification)
        && Objects.equals(completeOauthServerOutputSpecification, other.completeOauthServerOutputSpecification)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(oauthUserInputFromConnectorConfigSpecification, oauthConnectorInputSpecification, completeOauthOutputSpecification, completeOauthServerInputSpecification, completeOauthServerOutputSpecification, getAdditionalProperties());
  }
}
