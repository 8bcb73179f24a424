package io.airbyte.contract.command;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A short workflow for one connector command, so the API reaches whichever worker serves the queue. */
@WorkflowInterface
public interface ConnectorCommandWorkflow {

  @WorkflowMethod
  ConnectorCommandOutput run(ConnectorCommandInput input, String workerTaskQueue);
}
