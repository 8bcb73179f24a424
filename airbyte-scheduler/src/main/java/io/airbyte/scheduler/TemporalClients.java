package io.airbyte.scheduler;

import io.airbyte.contract.ContractPayloads;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/** A workflow client for the configured Temporal server, with the contract's payload converter. */
public final class TemporalClients {

  private TemporalClients() {}

  public static WorkflowClient create(TemporalSettings settings) {
    WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(settings.target()).build());
    return WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().setNamespace(settings.namespace())
        .setDataConverter(ContractPayloads.converter()).build());
  }
}
