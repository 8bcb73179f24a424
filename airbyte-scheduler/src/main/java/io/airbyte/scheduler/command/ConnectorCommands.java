package io.airbyte.scheduler.command;

import io.airbyte.contract.command.ConnectorCommandInput;
import io.airbyte.contract.command.ConnectorCommandOutput;
import io.airbyte.contract.command.ConnectorCommandWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.UUID;

/** The client side: runs a connector command through Temporal and waits for the answer. */
public final class ConnectorCommands {

  private final WorkflowClient client;
  private final String schedulerTaskQueue;
  private final String workerTaskQueue;

  public ConnectorCommands(WorkflowClient client, String schedulerTaskQueue, String workerTaskQueue) {
    this.client = client;
    this.schedulerTaskQueue = schedulerTaskQueue;
    this.workerTaskQueue = workerTaskQueue;
  }

  public ConnectorCommandOutput run(ConnectorCommandInput input) {
    ConnectorCommandWorkflow workflow = client.newWorkflowStub(ConnectorCommandWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(input.command().value() + "_" + UUID.randomUUID())
        .setTaskQueue(schedulerTaskQueue)
        .setWorkflowExecutionTimeout(Duration.ofMinutes(40))
        .build());
    return workflow.run(input, workerTaskQueue);
  }
}
