package io.airbyte.db.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.contract.schedule.InvalidScheduleException;
import io.airbyte.contract.schedule.Schedule;
import io.airbyte.protocol.json.Jsons;

/**
 * A schedule in the connection's columns, as Airbyte stores it: {@code schedule_type} {@code manual},
 * {@code basic} or {@code cron}, and {@code schedule_data} null,
 * {@code {"basicSchedule": {"timeUnit": "hours", "units": 24}}} or
 * {@code {"cron": {"cronExpression": "0 0 12 * * ?", "cronTimeZone": "UTC"}}} (Quartz syntax).
 */
public final class ScheduleColumns {

  private ScheduleColumns() {}

  /** What {@code schedule_data} holds for {@code schedule} ({@code schedule_type} is its {@link Schedule#type()}). */
  public static JsonNode data(Schedule schedule) {
    ObjectNode data = Jsons.object();
    if (schedule instanceof Schedule.Basic basic) {
      data.putObject("basicSchedule").put("timeUnit", basic.timeUnit().value()).put("units", basic.units());
      return data;
    }
    if (schedule instanceof Schedule.Cron cron) {
      data.putObject("cron").put("cronExpression", cron.expression()).put("cronTimeZone", cron.timeZone());
      return data;
    }
    return null;
  }

  /** The schedule of stored columns, or refused (as a schedule built from them would be) when the platform does not run it. */
  public static Schedule read(String type, JsonNode data) {
    JsonNode stored = data == null ? Jsons.object() : data;
    switch (type) {
      case "basic" -> {
        JsonNode basic = stored.path("basicSchedule");
        JsonNode units = basic.get("units");
        if (units == null || !units.isIntegralNumber()) {
          throw new InvalidScheduleException(InvalidScheduleException.BASIC_TIMING,
              "basicSchedule.units must be a whole number, not " + units);
        }
        return Schedule.Basic.of(units.bigIntegerValue(), basic.path("timeUnit").asText(""));
      }
      case "cron" -> {
        JsonNode cron = stored.path("cron");
        return new Schedule.Cron(cron.path("cronExpression").asText(null), cron.path("cronTimeZone").asText("UTC"));
      }
      case "manual" -> {
        return Schedule.manual();
      }
      default -> throw new IllegalArgumentException("unknown schedule type '" + type + "'");
    }
  }
}
