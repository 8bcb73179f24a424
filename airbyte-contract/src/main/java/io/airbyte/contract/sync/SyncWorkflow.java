package io.airbyte.contract.sync;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One attempt: check the source, check the destination, replicate. */
@WorkflowInterface
public interface SyncWorkflow {

  @WorkflowMethod
  AttemptResult run(SyncInput input, String workerTaskQueue);
}
