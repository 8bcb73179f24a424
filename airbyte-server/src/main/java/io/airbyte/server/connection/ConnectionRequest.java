package io.airbyte.server.connection;

import java.util.List;
import java.util.UUID;

/** The public API's connection create/patch body (every field optional on PATCH). */
public record ConnectionRequest(String name, UUID sourceId, UUID destinationId, String namespaceDefinition,
    String namespaceFormat, String prefix, Configurations configurations, ScheduleBody schedule, String status,
    String nonBreakingSchemaUpdatesBehavior) {

  public record Configurations(List<StreamConfig> streams) {}

  public record StreamConfig(String name, String namespace, String syncMode, List<String> cursorField,
      List<List<String>> primaryKey, List<SelectedField> selectedFields) {}

  public record SelectedField(List<String> fieldPath) {}

  public record ScheduleBody(String scheduleType, String cronExpression, String basicTiming) {}
}
