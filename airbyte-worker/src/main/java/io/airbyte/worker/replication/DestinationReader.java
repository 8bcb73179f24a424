package io.airbyte.worker.replication;

import io.airbyte.contract.failure.FailureOrigin;
import io.airbyte.contract.failure.FailureType;
import io.airbyte.protocol.codec.AirbyteMessageReader;
import io.airbyte.protocol.codec.ProtocolLine;
import io.airbyte.protocol.models.AirbyteMessage;
import io.airbyte.protocol.models.AirbyteTraceMessage;
import io.airbyte.worker.failure.FailureReason;
import io.airbyte.worker.log.AttemptLog;
import io.airbyte.worker.log.ConnectorMessages;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the destination's stdout: echoed states are committed through the {@link StateTracker},
 * logs and errors go to the attempt log, anything else that is not a message is counted.
 */
final class DestinationReader implements Runnable {

  private final InputStream stdout;
  private final StateTracker states;
  private final SyncStats stats;
  private final AttemptLog log;
  private final AttemptFailures failures;
  private volatile boolean stopping;

  DestinationReader(InputStream stdout, StateTracker states, SyncStats stats, AttemptLog log, AttemptFailures failures) {
    this.stdout = stdout;
    this.states = states;
    this.stats = stats;
    this.log = log;
    this.failures = failures;
  }

  @Override
  public void run() {
    try (AirbyteMessageReader reader = new AirbyteMessageReader(stdout)) {
      ProtocolLine line;
      while ((line = reader.next()) != null) {
        if (line instanceof ProtocolLine.Message m) {
          handle(m.message());
        } else if (line instanceof ProtocolLine.NotAMessage bad) {
          ConnectorMessages.notAMessage(log, "destination", bad, stats.malformedDestinationLines);
        }
      }
    } catch (IOException e) {
      if (!stopping) {
        failures.add(FailureReason.fromException(FailureOrigin.REPLICATION, FailureType.TRANSIENT_ERROR,
            "Lost the output of the destination: " + e.getMessage(), e));
      }
    } catch (RuntimeException e) {
      // a state that cannot be persisted: the platform's failure; what was persisted before stays
      failures.add(FailureReason.fromException(FailureOrigin.PLATFORM, FailureType.SYSTEM_ERROR,
          "Cannot persist the committed state: " + e.getMessage(), e));
    }
  }

  private void handle(AirbyteMessage message) {
    switch (message.getType()) {
      case STATE -> states.echoed(message.getState());
      case LOG -> ConnectorMessages.log(log, "destination", message);
      case TRACE -> {
        AirbyteTraceMessage trace = message.getTrace();
        if (trace.getType() == AirbyteTraceMessage.Type.ERROR) {
          ConnectorMessages.log(log, "destination", message);
          failures.add(FailureReason.fromTrace(FailureOrigin.DESTINATION, trace.getError(), ConnectorMessages.emittedAt(trace)));
        }
      }
      default -> log.connector("destination", "DEBUG", "ignored a " + message.getType() + " message");
    }
  }

  void stopping() {
    stopping = true;
  }
}
