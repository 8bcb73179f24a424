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
            // a Python connector's first use installs it; the activity heartbeats meanwhile
            .setHeartbeatTimeout(Duration.ofMinutes(5))
            .setScheduleToStartTimeout(Duration.ofMinutes(5))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build());
    return activities.run(input);
  }
}
