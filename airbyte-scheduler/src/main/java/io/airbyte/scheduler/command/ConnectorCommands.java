package io.airbyte.scheduler.command;

import io.airbyte.contract.command.ConnectorCommandInput;
import io.airbyte.contract.command.ConnectorCommandOutput;
import io.airbyte.contract.command.ConnectorCommandProgress;
import io.airbyte.contract.command.ConnectorCommandWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The client side: runs a connector command through Temporal and waits for the answer. A command run
 * under a caller's request id can be watched while it runs ({@link #progress}).
 */
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
    return run(input, UUID.randomUUID());
  }

  /** Runs the command as the workflow of {@code requestId}, which {@link #progress} then finds. */
  public ConnectorCommandOutput run(ConnectorCommandInput input, UUID requestId) {
    ConnectorCommandWorkflow workflow = client.newWorkflowStub(ConnectorCommandWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId(requestId))
        .setTaskQueue(schedulerTaskQueue)
        .setWorkflowExecutionTimeout(Duration.ofMinutes(40))
        .build());
    return workflow.run(input, workerTaskQueue);
  }

  /**
   * What the command of {@code requestId} has reported so far: its last lines while it runs, none once
   * it has ended; empty when no command of that id has started (yet).
   */
  public Optional<CommandProgress> progress(UUID requestId) {
    DescribeWorkflowExecutionResponse described;
    try {
      described = client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
          DescribeWorkflowExecutionRequest.newBuilder()
              .setNamespace(client.getOptions().getNamespace())
              .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId(requestId)))
              .build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
    boolean running = described.getWorkflowExecutionInfo().getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    List<String> lines = List.of();
    for (PendingActivityInfo activity : described.getPendingActivitiesList()) {
      if (activity.hasHeartbeatDetails()) {
        lines = client.getOptions().getDataConverter().fromPayloads(0, Optional.of(activity.getHeartbeatDetails()),
            ConnectorCommandProgress.class, ConnectorCommandProgress.class).lines();
      }
    }
    return Optional.of(new CommandProgress(running, running ? lines : List.of()));
  }

  private static String workflowId(UUID requestId) {
    return "connector_command_" + requestId;
  }

  /** A command's state as {@link #progress} sees it. */
  public record CommandProgress(boolean running, List<String> lines) {}
}
