package io.airbyte.worker.manifest;

/** The CDK could not answer for a manifest (not installed, crashed, timed out, or said why it could not). */
public final class ManifestToolException extends Exception {

  public ManifestToolException(String message) {
    super(message);
  }

  public ManifestToolException(String message, Throwable cause) {
    super(message, cause);
  }
}
