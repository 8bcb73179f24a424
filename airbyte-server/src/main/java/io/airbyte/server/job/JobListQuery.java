package io.airbyte.server.job;

import io.airbyte.contract.job.JobStatus;
import io.airbyte.contract.job.JobType;
import io.airbyte.db.job.JobQuery;
import io.airbyte.server.error.ApiException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * The query parameters of {@code GET /jobs} as Airbyte's public API takes them, each refused with a
 * 400 naming the parameter and what it takes: {@code status} and {@code jobType} (their valid values),
 * {@code createdAtStart|End} and {@code updatedAtStart|End} (ISO-8601 date-times),
 * {@code orderBy} ({@code createdAt|ASC}, {@code updatedAt|DESC} …).
 */
final class JobListQuery {

  static final String STATUSES = values(JobStatus.values());
  static final String TYPES = values(JobType.values());
  static final String ORDER_BY = "createdAt|ASC, createdAt|DESC, updatedAt|ASC or updatedAt|DESC";

  private JobListQuery() {}

  /** The parameters as raw strings; every problem with them in one 400. */
  record Raw(UUID connectionId, List<UUID> workspaceIds, String status, String jobType, String createdAtStart,
      String createdAtEnd, String updatedAtStart, String updatedAtEnd, String orderBy, int limit, int offset) {}

  static JobQuery parse(Raw raw) {
    List<String> errors = new ArrayList<>();
    JobStatus status = null;
    if (raw.status() != null) {
      status = Arrays.stream(JobStatus.values()).filter(s -> s.value().equals(raw.status().toLowerCase(Locale.ROOT)))
          .findFirst().orElse(null);
      if (status == null) {
        errors.add("status: '" + raw.status() + "' is not one of " + STATUSES);
      }
    }
    JobType type = null;
    if (raw.jobType() != null) {
      type = Arrays.stream(JobType.values()).filter(t -> t.value().equals(raw.jobType().toLowerCase(Locale.ROOT)))
          .findFirst().orElse(null);
      if (type == null) {
        errors.add("jobType: '" + raw.jobType() + "' is not one of " + TYPES);
      }
    }
    Instant createdAtStart = instant("createdAtStart", raw.createdAtStart(), errors);
    Instant createdAtEnd = instant("createdAtEnd", raw.createdAtEnd(), errors);
    Instant updatedAtStart = instant("updatedAtStart", raw.updatedAtStart(), errors);
    Instant updatedAtEnd = instant("updatedAtEnd", raw.updatedAtEnd(), errors);
    JobQuery.OrderBy orderBy = JobQuery.OrderBy.CREATED_AT;
    boolean descending = true;
    if (raw.orderBy() != null) {
      String[] parts = raw.orderBy().split("\\|", -1);
      String field = parts[0];
      String direction = parts.length == 2 ? parts[1].toUpperCase(Locale.ROOT) : "";
      if (parts.length != 2 || !(field.equals("createdAt") || field.equals("updatedAt"))
          || !(direction.equals("ASC") || direction.equals("DESC"))) {
        errors.add("orderBy: '" + raw.orderBy() + "' is not one of " + ORDER_BY);
      } else {
        orderBy = field.equals("createdAt") ? JobQuery.OrderBy.CREATED_AT : JobQuery.OrderBy.UPDATED_AT;
        descending = direction.equals("DESC");
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid query parameter " + errors.stream()
          .map(e -> e.substring(0, e.indexOf(':'))).collect(Collectors.joining(", ")), errors);
    }
    return new JobQuery(raw.connectionId(), raw.workspaceIds(), status, type, createdAtStart, createdAtEnd, updatedAtStart,
        updatedAtEnd, orderBy, descending, raw.limit(), raw.offset());
  }

  private static Instant instant(String name, String value, List<String> errors) {
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(name + ": '" + value + "' is not a date-time as 2024-01-31T12:00:00Z (ISO-8601, with its offset)");
      return null;
    }
  }

  private static String values(Enum<?>[] values) {
    return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
  }
}
