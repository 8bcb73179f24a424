package io.airbyte.scheduler;

import java.util.Map;

/**
 * Where Temporal is and which task queues the platform uses, from the environment:
 * {@code TEMPORAL_HOST} ({@code 127.0.0.1:7233}), {@code TEMPORAL_NAMESPACE} ({@code default}),
 * {@code AIRBYTE_SCHEDULER_TASK_QUEUE} ({@code CONNECTION_UPDATER}), {@code AIRBYTE_WORKER_TASK_QUEUE}
 * ({@code SYNC}).
 */
public record TemporalSettings(String target, String namespace, String schedulerTaskQueue, String workerTaskQueue) {

  public static TemporalSettings fromEnvironment(Map<String, String> env) {
    return new TemporalSettings(env.getOrDefault("TEMPORAL_HOST", "127.0.0.1:7233"),
        env.getOrDefault("TEMPORAL_NAMESPACE", "default"),
        env.getOrDefault("AIRBYTE_SCHEDULER_TASK_QUEUE", "CONNECTION_UPDATER"),
        env.getOrDefault("AIRBYTE_WORKER_TASK_QUEUE", "SYNC"));
  }
}
