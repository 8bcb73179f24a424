package io.airbyte.contract.connection;

import io.airbyte.contract.sync.StreamRef;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * One per connection (id {@code connection_manager_<connectionId>}): waits for the schedule or a
 * signal, runs one job at a time with retries, then continues as new.
 */
@WorkflowInterface
public interface ConnectionManagerWorkflow {

  @WorkflowMethod
  void run(ConnectionManagerInput input);

  @SignalMethod
  void syncNow();

  /**
   * A job of this connection waits in the database (the API created it, so that of requests at the
   * same time exactly one gets it): run it.
   */
  @SignalMethod
  void jobCreated();

  @SignalMethod
  void cancelJob();

  /** Deletes the destination's data and the state of {@code streams} (all when empty). */
  @SignalMethod
  void clear(List<StreamRef> streams);

  /** Deletes the destination's data and the state of every stream (Airbyte's reset). */
  @SignalMethod
  void reset();

  /** Syncs {@code streams} (all when empty) again from scratch, in a new generation. */
  @SignalMethod
  void refresh(List<StreamRef> streams);

  @SignalMethod
  void connectionUpdated();

  @SignalMethod
  void connectionDeleted();

  @QueryMethod
  WorkflowState state();
}
