package io.airbyte.scheduler.command;

import io.airbyte.contract.command.ConnectorCommandActivities;
import io.airbyte.contract.command.ConnectorCommandInput;
import io.airbyte.contract.command.ConnectorCommandOutput;
import io.airbyte.contract.command.ConnectorCommandWorkflow;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public final class ConnectorCommandWorkflowImpl implements ConnectorCommandWorkflow {

  @Override
  public ConnectorCommandOutput run(ConnectorCommandInput input, String workerTaskQueue) {
    ConnectorCommandActivities activities = Workflow.newActivityStub(ConnectorCommandActivities.class,
        ActivityOptions.newBuilder()
            .setTaskQueue(workerTaskQueue)
            .setStartToCloseTimeout(Duration.ofMinutes(30))
            .setScheduleToStartTimeout(Duration.ofMinutes(5))
            // the worker heartbeats every second while the command runs (a Python connector's first use
            // installs it, for minutes maybe)
            .setHeartbeatTimeout(Duration.ofMinutes(1))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build());
    return activities.run(input);
  }
}
