package io.airbyte.server.connection;

import java.util.List;

/** A source's stream as {@code GET /streams} shows it: what the stream allows, from a discover. */
record StreamProperties(String streamName, String streamnamespace, List<String> syncModes, List<String> defaultCursorField,
    boolean sourceDefinedCursorField, List<List<String>> sourceDefinedPrimaryKey, List<List<String>> propertyFields) {}
