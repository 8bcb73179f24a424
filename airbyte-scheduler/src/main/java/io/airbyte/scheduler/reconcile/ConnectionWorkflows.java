package io.airbyte.scheduler.reconcile;

import io.airbyte.scheduler.connection.ConnectionManagerInput;
import io.airbyte.scheduler.connection.ConnectionManagerWorkflow;
import io.airbyte.scheduler.connection.RetrySettings;
import io.airbyte.scheduler.connection.WorkflowState;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.UUID;
import java.util.function.Consumer;

/** The client side of the connection workflows: start them, signal them, ask them. */
public final class ConnectionWorkflows {

  private final WorkflowClient client;
  private final String schedulerTaskQueue;
  private final String workerTaskQueue;
  private final RetrySettings retry;

  public ConnectionWorkflows(WorkflowClient client, String schedulerTaskQueue, String workerTaskQueue, RetrySettings retry) {
    this.client = client;
    this.schedulerTaskQueue = schedulerTaskQueue;
    this.workerTaskQueue = workerTaskQueue;
    this.retry = retry;
  }

  public static String workflowId(UUID connectionId) {
    return "connection_manager_" + connectionId;
  }

  /** Starts the connection's workflow unless it runs; true when it started it. */
  public boolean ensureStarted(UUID connectionId) {
    if (isRunning(connectionId)) {
      return false;
    }
    ConnectionManagerWorkflow workflow = client.newWorkflowStub(ConnectionManagerWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId(connectionId))
        .setTaskQueue(schedulerTaskQueue)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .build());
    try {
      WorkflowClient.start(workflow::run, ConnectionManagerInput.of(connectionId, workerTaskQueue, retry));
      return true;
    } catch (WorkflowExecutionAlreadyStarted e) {
      return false;
    }
  }

  public boolean isRunning(UUID connectionId) {
    try {
      var response = client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
          DescribeWorkflowExecutionRequest.newBuilder()
              .setNamespace(client.getOptions().getNamespace())
              .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId(connectionId)))
              .build());
      return response.getWorkflowExecutionInfo().getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  /** Sends a signal, starting the workflow first when it does not run. */
  public void signal(UUID connectionId, Consumer<ConnectionManagerWorkflow> signal) {
    ensureStarted(connectionId);
    signal.accept(client.newWorkflowStub(ConnectionManagerWorkflow.class, workflowId(connectionId)));
  }

  public WorkflowState state(UUID connectionId) {
    return client.newWorkflowStub(ConnectionManagerWorkflow.class, workflowId(connectionId)).state();
  }
}
