package io.airbyte.worker.manifest;

/**
 * What the CDK says of a manifest: valid, or the first place it fails, a JSON path into the manifest
 * ({@code $.streams[0].retriever.requester.http_method}; null where the failure has no one place) and
 * why.
 */
public record ManifestValidation(boolean valid, String path, String message) {

  public static ManifestValidation ok() {
    return new ManifestValidation(true, null, null);
  }
}
