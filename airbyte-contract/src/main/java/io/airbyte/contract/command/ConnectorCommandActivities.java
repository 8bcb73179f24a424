package io.airbyte.contract.command;

import io.temporal.activity.ActivityInterface;

/** Served by the worker: runs a connector command. */
@ActivityInterface
public interface ConnectorCommandActivities {

  ConnectorCommandOutput run(ConnectorCommandInput input);
}
