package io.airbyte.server.connection;

import java.util.List;
import java.util.Map;

/**
 * A source's stream as {@code GET /streams} shows it: what the stream allows, from a discover. Beyond
 * Airbyte's fields, {@code propertyFieldTypes} gives each top-level field's JSON schema types (empty:
 * any JSON value), so a client can offer only fields that can order records as cursors.
 */
record StreamProperties(String streamName, String streamnamespace, List<String> syncModes, List<String> defaultCursorField,
    boolean sourceDefinedCursorField, List<List<String>> sourceDefinedPrimaryKey, List<List<String>> propertyFields,
    Map<String, List<String>> propertyFieldTypes) {}
