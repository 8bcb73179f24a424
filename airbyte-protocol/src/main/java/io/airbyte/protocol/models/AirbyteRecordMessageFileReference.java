package io.airbyte.protocol.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** An internal reference to the file a record describes. */
public final class AirbyteRecordMessageFileReference extends ProtocolObject {

  @JsonProperty("staging_file_url")
  private String stagingFileUrl;

  @JsonProperty("source_file_relative_path")
  private String sourceFileRelativePath;

  @JsonProperty("file_size_bytes")
  private Long fileSizeBytes;

  public String getStagingFileUrl() {
    return stagingFileUrl;
  }

  public void setStagingFileUrl(String stagingFileUrl) {
    this.stagingFileUrl = stagingFileUrl;
  }

  public AirbyteRecordMessageFileReference withStagingFileUrl(String stagingFileUrl) {
    this.stagingFileUrl = stagingFileUrl;
    return this;
  }

  public String getSourceFileRelativePath() {
    return sourceFileRelativePath;
  }

  public void setSourceFileRelativePath(String sourceFileRelativePath) {
    this.sourceFileRelativePath = sourceFileRelativePath;
  }

  public AirbyteRecordMessageFileReference withSourceFileRelativePath(String sourceFileRelativePath) {
    this.sourceFileRelativePath = sourceFileRelativePath;
    return this;
  }

  public Long getFileSizeBytes() {
    return fileSizeBytes;
  }

  public void setFileSizeBytes(Long fileSizeBytes) {
    this.fileSizeBytes = fileSizeBytes;
  }

  public AirbyteRecordMessageFileReference withFileSizeBytes(Long fileSizeBytes) {
    this.fileSizeBytes = fileSizeBytes;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AirbyteRecordMessageFileReference other
        && Objects.equals(stagingFileUrl, other.stagingFileUrl)
        && Objects.equals(sourceFileRelativePath, other.sourceFileRelativePath)
        && Objects.equals(fileSizeBytes, other.fileSizeBytes)
        && sameAdditionalProperties(other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(stagingFileUrl, sourceFileRelativePath, fileSizeBytes, getAdditionalProperties());
  }
}
