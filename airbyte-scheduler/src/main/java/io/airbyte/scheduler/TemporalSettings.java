package io.airbyte.scheduler;

import io.airbyte.db.settings.Parsers;
import io.airbyte.db.settings.Setting;
import java.util.List;
import java.util.Map;

/** Where Temporal is and which task queues the platform uses (server, scheduler and worker read them). */
public record TemporalSettings(String target, String namespace, String schedulerTaskQueue, String workerTaskQueue) {

  public static final Setting<String> HOST = Setting.of("TEMPORAL_HOST", "127.0.0.1:7233", "127.0.0.1:7233",
      "the Temporal server, `host:port`", Parsers.trimmed());
  public static final Setting<String> NAMESPACE = Setting.of("TEMPORAL_NAMESPACE", "default", "default",
      "the Temporal namespace", Parsers.trimmed());
  public static final Setting<String> SCHEDULER_TASK_QUEUE = Setting.of("AIRBYTE_SCHEDULER_TASK_QUEUE", "CONNECTION_UPDATER",
      "CONNECTION_UPDATER", "task queue of the connection workflows and job activities", Parsers.trimmed());
  public static final Setting<String> WORKER_TASK_QUEUE = Setting.of("AIRBYTE_WORKER_TASK_QUEUE", "SYNC", "SYNC",
      "task queue of check, discover and replicate", Parsers.trimmed());

  public static final List<Setting<?>> VARIABLES = List.of(HOST, NAMESPACE, SCHEDULER_TASK_QUEUE, WORKER_TASK_QUEUE);

  public static TemporalSettings fromEnvironment(Map<String, String> env) {
    return new TemporalSettings(HOST.read(env), NAMESPACE.read(env), SCHEDULER_TASK_QUEUE.read(env), WORKER_TASK_QUEUE.read(env));
  }

  /** The same settings with another Temporal server (the standalone platform's own). */
  public TemporalSettings withTarget(String otherTarget) {
    return new TemporalSettings(otherTarget, namespace, schedulerTaskQueue, workerTaskQueue);
  }
}
