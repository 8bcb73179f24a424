package io.airbyte.worker.manifest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A test read of one stream of a manifest, as Airbyte's Connector Builder makes it: the stream, an
 * optional state to start from, and the limits of records, pages per slice and slices (null: the
 * CDK's defaults, 100, 5 and 5).
 */
public record TestReadRequest(String stream, JsonNode state, Integer recordLimit, Integer pageLimit, Integer sliceLimit) {

  public TestReadRequest {
    if (stream == null || stream.isBlank()) {
      throw new IllegalArgumentException("stream is required");
    }
    requirePositive(recordLimit, "record_limit");
    requirePositive(pageLimit, "page_limit");
    requirePositive(sliceLimit, "slice_limit");
  }

  private static void requirePositive(Integer limit, String name) {
    if (limit != null && (limit < 1 || limit > 5000)) {
      throw new IllegalArgumentException(name + " is between 1 and 5000, not " + limit);
    }
  }
}
