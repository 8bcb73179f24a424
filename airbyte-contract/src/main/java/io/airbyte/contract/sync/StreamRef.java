package io.airbyte.contract.sync;

/** A stream by namespace (may be null) and name. */
public record StreamRef(String namespace, String name) {}
