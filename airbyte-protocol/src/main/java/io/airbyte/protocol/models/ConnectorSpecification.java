package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/** What {@code spec} returns: the JSON Schema of the connector's config and its capabilities. */
public final class ConnectorSpecification extends ProtocolObject {

  @JsonProperty("documentationUrl")
  private String documentationUrl;

  @JsonProperty("changelogUrl")
  private String changelogUrl;

  @JsonProperty("connectionSpecification")
  private JsonNode connectionSpecification;

  @JsonProperty("supportsIncremental")
  private Boolean supportsIncremental;

  @JsonProperty("supportsNormalization")
  private Boolean supportsNormalization;

  @JsonProperty("supportsDBT")
  private Boolean supportsDBT;

  @JsonProperty("supported_destination_sync_modes")
  private List<DestinationSyncMode> supportedDestinationSyncModes;

  @JsonProperty("authSpecification")
  private AuthSpecification authSpecification;

  @JsonProperty("advanced_auth")
  private AdvancedAuth advancedAuth;

  @JsonProperty("protocol_version")
  private String protocolVersion;

  public String getDocumentationUrl() {
    return documentationUrl;
  }

  public void setDocumentationUrl(String documentationUrl) {
    this.documentationUrl = documentationUrl;
  }

  public ConnectorSpecification withDocumentationUrl(String documentationUrl) {
    this.documentationUrl = documentationUrl;
    return this;
  }

  public String getChangelogUrl() {
    return changelogUrl;
  }

  public void setChangelogUrl(String changelogUrl) {
    this.changelogUrl = changelogUrl;
  }

  public ConnectorSpecification withChangelogUrl(String changelogUrl) {
    this.changelogUrl = changelogUrl;
    return this;
  }

  public JsonNode getConnectionSpecification() {
    return connectionSpecification;
  }

  public void setConnectionSpecification(JsonNode connectionSpecification) {
    this.connectionSpecification = connectionSpecification;
  }

  public ConnectorSpecification withConnectionSpecification(JsonNode connectionSpecification) {
    this.connectionSpecification = connectionSpecification;
    return this;
  }

  public Boolean getSupportsIncremental() {
    return supportsIncremental;
  }

  public void setSupportsIncremental(Boolean supportsIncremental) {
    this.supportsIncremental = supportsIncremental;
  }

  public ConnectorSpecification withSupportsIncremental(Boolean supportsIncremental) {
    this.supportsIncremental = supportsIncremental;
    return this;
  }

  public Boolean getSupportsNormalization() {
    return supportsNormalization;
  }

  public void setSupportsNormalization(Boolean supportsNormalization) {
    this.supportsNormalization = supportsNormalization;
  }

  public ConnectorSpecification withSupportsNormalization(Boolean supportsNormalization) {
    this.supportsNormalization = supportsNormalization;
    return this;
  }

  public Boolean getSupportsDBT() {
    return supportsDBT;
  }

  public void setSupportsDBT(Boolean supportsDBT) {
    this.supportsDBT = supportsDBT;
  }

  public ConnectorSpecification withSupportsDBT(Boolean supportsDBT) {
    this.supportsDBT = supportsDBT;
    return this;
  }

  public List<DestinationSyncMode> getSupportedDestinationSyncModes() {
    return supportedDestinationSyncModes;
  }

  public void setSupportedDestinationSyncModes(List<DestinationSyncMode> supportedDestinationSyncModes) {
    this.supportedDestinationSyncModes = supportedDestinationSyncModes;
  }

  public ConnectorSpecification withSupportedDestinationSyncModes(List<DestinationSyncMode> supportedDestinationSyncModes) {
    this.supportedDestinationSyncModes = supportedDestinationSyncModes;
    return this;
  }

  public AuthSpecification getAuthSpecification() {
    return authSpecification;
  }

  public void setAuthSpecification(AuthSpecification authSpecification) {
    this.authSpecification = authSpecification;
  }

  public ConnectorSpecification withAuthSpecification(AuthSpecification authSpecification) {
    this.authSpecification = authSpecification;
    return this;
  }

  public AdvancedAuth getAdvancedAuth() {
    return advancedAuth;
  }

  public void setAdvancedAuth(AdvancedAuth advancedAuth) {
    this.advancedAuth = advancedAuth;
  }

  public ConnectorSpecification withAdvancedAuth(AdvancedAuth advancedAuth) {
    this.advancedAuth = advancedAuth;
    return this;
  }

  public String getProtocolVersion() {
    return protocolVersion;
  }

  public void setProtocolVersion(String protocolVersion) {
    this.protocolVersion = protocolVersion;
  }

  public ConnectorSpecification withProtocolVersion(String protocolVersion) {
    this.protocolVersion = protocolVersion;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof ConnectorSpecification other
        && Objects.equals(documentationUrl, other.documentationUrl)
        && Objects.equals(changelogUrl, other.changelogUrl)
        && Objects.equals(connectionSpecification, other.connectionSpecification)
        && Objects.equals(supportsIncremental, other.supportsIncremental)
        && Objects.equals(supportsNormalization, other.supportsNormalization)
        && Objects.equals(supportsDBT, other.supportsDBT)
        && Objects.equals(supportedDestinationSyncModes, other.supportedDestinationSyncModes)
        && Objects.equals(authSpecification, other.authSpecification)
        && Objects.equals(advancedAuth, other.advancedAuth)
        && Objects.equals(protocolVersion, other.protocolVersion)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(documentationUrl, changelogUrl, connectionSpecification, supportsIncremental, supportsNormalization, supportsDBT, supportedDestinationSyncModes, authSpecification, advancedAuth, protocolVersion, getAdditionalProperties());
  }

  /** Deprecated: the OAuth flow of the connector; see {@link AdvancedAuth}. */
  public static final class AuthSpecification extends ProtocolObject {

    /** The auth flow type. */
    public enum AuthType {
      @JsonProperty("oauth2.0")
      OAUTH2_0
    }

    @JsonProperty("auth_type")
    private AuthType authType;

    @JsonProperty("oauth2Specification")
    private OAuth2Specification oauth2Specification;

    public AuthType getAuthType() {
      return authType;
    }

    public void setAuthType(AuthType authType) {
      this.authType = authType;
    }

    public AuthSpecification withAuthType(AuthType authType) {
      this.authType = authType;
      return this;
    }

    public OAuth2Specification getOauth2Specification() {
      return oauth2Specification;
    }

    public void setOauth2Specification(OAuth2Specification oauth2Specification) {
      this.oauth2Specification = oauth2Specification;
    }

    public AuthSpecification withOauth2Specification(OAuth2Specification oauth2Specification) {
      this.oauth2Specification = oauth2Specification;
      return this;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      return o instanceof AuthSpecification other
          && Objects.equals(authType, other.authType)
          && Objects.equals(oauth2Specification, other.oauth2Specification)
          && sameAdditionalProperties(other);
    }

    @Override
    public int hashCode() {
      return Objects.hash(authType, oauth2Specification, getAdditionalProperties());
    }
  }

  /** How an advanced (OAuth) auth flow applies to the connector. */
  public static final class AdvancedAuth extends ProtocolObject {

    /** The auth flow type. */
    public enum AuthFlowType {
      @JsonProperty("oauth2.0")
      OAUTH2_0,
      @JsonProperty("oauth1.0")
      OAUTH1_0
    }

    @JsonProperty("auth_flow_type")
    private AuthFlowType authFlowType;

    @JsonProperty("predicate_key")
    private List<String> predicateKey;

    @JsonProperty("predicate_value")
    private String predicateValue;

    @JsonProperty("oauth_config_specification")
    private OAuthConfigSpecification oauthConfigSpecification;

    public AuthFlowType getAuthFlowType() {
      return authFlowType;
    }

    public void setAuthFlowType(AuthFlowType authFlowType) {
      this.authFlowType = authFlowType;
    }

    public AdvancedAuth withAuthFlowType(AuthFlowType authFlowType) {
      this.authFlowType = authFlowType;
      return this;
    }

    public List<String> getPredicateKey() {
      return predicateKey;
    }

    public void setPredicateKey(List<String> predicateKey) {
      this.predicateKey = predicateKey;
    }

    public AdvancedAuth withPredicateKey(List<String> predicateKey) {
      this.predicateKey = predicateKey;
      return this;
    }

    public String getPredicateValue() {
      return predicateValue;
    }

    public void setPredicateValue(String predicateValue) {
      this.predicateValue = predicateValue;
    }

    public AdvancedAuth withPredicateValue(String predicateValue) {
      this.predicateValue = predicateValue;
      return this;
    }

    public OAuthConfigSpecification getOauthConfigSpecification() {
      return oauthConfigSpecification;
    }

    public void setOauthConfigSpecification(OAuthConfigSpecification oauthConfigSpecification) {
      this.oauthConfigSpecification = oauthConfigSpecification;
    }

    public AdvancedAuth withOauthConfigSpecification(OAuthConfigSpecification oauthConfigSpecification) {
      this.oauthConfigSpecification = oauthConfigSpecification;
      return this;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      return o instanceof AdvancedAuth other
          && Objects.equals(authFlowType, other.authFlowType)
          && Objects.equals(predicateKey, other.predicateKey)
          && Objects.equals(predicateValue, other.predicateValue)
          && Objects.equals(oauthConfigSpecification, other.oauthConfigSpecification)
          && sameAdditionalProperties(other);
    }

    @Override
    public int hashCode() {
      return Objects.hash(authFlowType, predicateKey, predicateValue, oauthConfigSpecification, getAdditionalProperties());
    }
  }
}
