package io.airbyte.scheduler.reconcile;

import io.airbyte.contract.connection.ConnectionManagerInput;
import io.airbyte.contract.connection.ConnectionManagerWorkflow;
import io.airbyte.contract.connection.WorkflowState;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.UUID;
import java.util.function.Consumer;

/** The client side of the connection workflows: start them, signal them, ask them. */
public final class ConnectionWorkflows {

  private static final int SIGNAL_ATTEMPTS = 5;

  private final WorkflowClient client;
  private final String schedulerTaskQueue;
  private final String workerTaskQueue;

  public ConnectionWorkflows(WorkflowClient client, String schedulerTaskQueue, String workerTaskQueue) {
    this.client = client;
    this.schedulerTaskQueue = schedulerTaskQueue;
    this.workerTaskQueue = workerTaskQueue;
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
      WorkflowClient.start(workflow::run, ConnectionManagerInput.of(connectionId, workerTaskQueue));
      return true;
    } catch (WorkflowExecutionAlreadyStarted e) {
      return false;
    }
  }

  public boolean isRunning(UUID connectionId) {
    try {
      var response = describe(connectionId);
      return response.getWorkflowExecutionInfo().getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Sends a signal, starting the workflow first when it does not run. A run that ends between the
   * check and the signal (continue-as-new after an update, or a run that found no connection yet)
   * answers "not found": the signal was not delivered, so it is sent again to the new run.
   */
  public void signal(UUID connectionId, Consumer<ConnectionManagerWorkflow> signal) {
    for (int attempt = 1; ; attempt++) {
      ensureStarted(connectionId);
      try {
        signal.accept(client.newWorkflowStub(ConnectionManagerWorkflow.class, workflowId(connectionId)));
        return;
      } catch (WorkflowNotFoundException e) {
        if (attempt == SIGNAL_ATTEMPTS) {
          throw e;
        }
        sleepBriefly(attempt);
      }
    }
  }

  private static void sleepBriefly(int attempt) {
    try {
      Thread.sleep(50L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while signalling a connection workflow", e);
    }
  }

  /** What the connection's workflow is doing, for a log line when it does not answer as expected. */
  public String diagnose(UUID connectionId) {
    try {
      var response = describe(connectionId);
      var info = response.getWorkflowExecutionInfo();
      StringBuilder out = new StringBuilder("run ").append(info.getExecution().getRunId()).append(' ')
          .append(info.getStatus()).append(", ").append(info.getHistoryLength()).append(" history events");
      if (response.hasPendingWorkflowTask()) {
        out.append(", workflow task ").append(response.getPendingWorkflowTask().getState())
            .append(" attempt ").append(response.getPendingWorkflowTask().getAttempt());
      }
      response.getPendingActivitiesList().forEach(a -> out.append(", activity ").append(a.getActivityType().getName())
          .append(' ').append(a.getState()).append(" attempt ").append(a.getAttempt())
          .append(a.hasLastFailure() ? " last failure: " + a.getLastFailure().getMessage() : ""));
      if (info.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        out.append(", state ").append(state(connectionId));
      }
      return out.toString();
    } catch (RuntimeException e) {
      return "cannot describe the workflow: " + e;
    }
  }

  private DescribeWorkflowExecutionResponse describe(UUID connectionId) {
    return client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
        DescribeWorkflowExecutionRequest.newBuilder()
            .setNamespace(client.getOptions().getNamespace())
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId(connectionId)))
            .build());
  }

  public WorkflowState state(UUID connectionId) {
    return client.newWorkflowStub(ConnectionManagerWorkflow.class, workflowId(connectionId)).state();
  }
}
