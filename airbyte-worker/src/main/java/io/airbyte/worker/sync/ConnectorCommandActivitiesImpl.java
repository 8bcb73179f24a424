package io.airbyte.worker.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.contract.command.ConnectorCommandActivities;
import io.airbyte.contract.command.ConnectorCommandInput;
import io.airbyte.contract.command.ConnectorCommandOutput;
import io.airbyte.contract.connector.ActorType;
import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.contract.connector.ConnectorRuntime.DeclarativeManifest;
import io.airbyte.contract.failure.AttemptFailure;
import io.airbyte.contract.failure.FailureOrigin;
import io.airbyte.contract.failure.FailureType;
import io.airbyte.worker.manifest.ManifestToolException;
import io.airbyte.worker.manifest.ManifestTools;
import io.airbyte.worker.manifest.ManifestValidation;
import io.airbyte.worker.manifest.TestReadRequest;
import io.airbyte.db.actor.Actor;
import io.airbyte.db.actor.ActorRepository;
import io.airbyte.db.secret.SecretSplitter;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.protocol.models.AirbyteConnectionStatus;
import io.airbyte.worker.connector.ConnectorActivities;
import io.airbyte.worker.connector.ConnectorJobResult;
import io.airbyte.worker.process.ConnectorRole;
import java.time.Duration;

/**
 * spec, check and discover for the API, on the worker. While a command runs, the activity heartbeats
 * every second with the command's last lines ({@link CommandLines}, through {@link HeartbeatingStep},
 * which also stops the command when it is cancelled): a Python package's first install takes a minute
 * or two, and the API shows its progress.
 */
public final class ConnectorCommandActivitiesImpl implements ConnectorCommandActivities {

  static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(1);

  private final ConnectorActivities connectors;
  private final ActorRepository actors;
  private final SecretSplitter secrets;
  private final ManifestTools manifests;
  private final Duration heartbeatInterval;
  private final RecentChecks recentChecks;

  /** A check that passes here is remembered in {@code recentChecks}, for the first attempt of the next sync. */
  public ConnectorCommandActivitiesImpl(ConnectorActivities connectors, ActorRepository actors, SecretSplitter secrets,
      ManifestTools manifests, Duration heartbeatInterval, RecentChecks recentChecks) {
    this.connectors = connectors;
    this.actors = actors;
    this.secrets = secrets;
    this.manifests = manifests;
    this.heartbeatInterval = heartbeatInterval;
    this.recentChecks = recentChecks;
  }

  public ConnectorCommandActivitiesImpl(ConnectorActivities connectors, ActorRepository actors, SecretSplitter secrets,
      ManifestTools manifests, Duration heartbeatInterval) {
    this(connectors, actors, secrets, manifests, heartbeatInterval, RecentChecks.none());
  }

  public ConnectorCommandActivitiesImpl(ConnectorActivities connectors, ActorRepository actors, SecretSplitter secrets,
      ManifestTools manifests, RecentChecks recentChecks) {
    this(connectors, actors, secrets, manifests, HEARTBEAT_INTERVAL, recentChecks);
  }

  public ConnectorCommandActivitiesImpl(ConnectorActivities connectors, ActorRepository actors, SecretSplitter secrets,
      ManifestTools manifests) {
    this(connectors, actors, secrets, manifests, HEARTBEAT_INTERVAL, RecentChecks.none());
  }

  @Override
  public ConnectorCommandOutput run(ConnectorCommandInput input) {
    ConnectorRuntime connector = input.runtime();
    ActorType type = input.actorType();
    JsonNode config = null;
    if (input.actorId() != null) {
      Actor actor = actors.get(type, input.actorId());
      config = secrets.hydrate(actor.configuration());
    } else if (input.sealedConfig() != null) {
      // an edit of a saved actor carries its stored secrets as references
      config = secrets.hydrate(secrets.unseal(input.sealedConfig()));
    }
    JsonNode hydrated = config;
    // the first use of a Python connector installs it (minutes of pip): the activity heartbeats meanwhile
    CommandLines lines = new CommandLines();
    ConnectorActivities reporting = connectors.reporting(lines);
    return HeartbeatingStep.run(input.command().value() + "-" + connector.describe(), heartbeatInterval,
        () -> command(reporting, input, connector, type, hydrated), lines::progress);
  }

  private ConnectorCommandOutput command(ConnectorActivities connectors, ConnectorCommandInput input,
      ConnectorRuntime connector, ActorType type, JsonNode config) {
    return switch (input.command()) {
      case SPEC -> output(connectors.spec(connector));
      case DISCOVER -> output(connectors.discover(connector, config));
      case CHECK -> {
        ConnectorRole role = ConnectorRole.of(type);
        ConnectorJobResult<AirbyteConnectionStatus> result = connectors.check(role, connector, config);
        recentChecks.record(role, connector, config, result);
        if (!result.succeeded()) {
          // a FAILED status traced as a transient or system error answers with the status's message
          String message = result.answered() && result.output().getMessage() != null ? result.output().getMessage()
              : result.failure().externalMessage();
          yield new ConnectorCommandOutput(false, message, null, SyncActivitiesImpl.failure(result.failure()),
              result.logPath().toString());
        }
        boolean ok = result.output().getStatus() == AirbyteConnectionStatus.Status.SUCCEEDED;
        yield new ConnectorCommandOutput(ok, result.output().getMessage(), null, null, result.logPath().toString());
      }
      case VALIDATE_MANIFEST -> validate(manifest(connector));
      case TEST_READ -> testRead(manifest(connector), config, input.parameters());
    };
  }

  private static DeclarativeManifest manifest(ConnectorRuntime runtime) {
    if (runtime instanceof DeclarativeManifest manifest) {
      return manifest;
    }
    throw new IllegalArgumentException("only a declarative manifest is validated or test-read, not " + runtime.describe());
  }

  private ConnectorCommandOutput validate(DeclarativeManifest manifest) {
    try {
      ManifestValidation validation = manifests.validate(manifest);
      return new ConnectorCommandOutput(validation.valid(), validation.message(), Jsons.toTree(validation), null, null);
    } catch (ManifestToolException e) {
      return toolFailure(e);
    }
  }

  private ConnectorCommandOutput testRead(DeclarativeManifest manifest, JsonNode config, JsonNode parameters) {
    JsonNode p = parameters == null ? Jsons.object() : parameters;
    try {
      TestReadRequest request = new TestReadRequest(p.path("stream").asText(null), p.get("state"), limit(p, "record_limit"),
          limit(p, "page_limit"), limit(p, "slice_limit"));
      return new ConnectorCommandOutput(true, null, manifests.testRead(manifest, config, request), null, null);
    } catch (ManifestToolException e) {
      return toolFailure(e);
    } catch (IllegalArgumentException e) {
      return new ConnectorCommandOutput(false, e.getMessage(), null, new AttemptFailure(FailureOrigin.PLATFORM,
          FailureType.CONFIG_ERROR, false, e.getMessage(), e.toString(), null, System.currentTimeMillis()), null);
    }
  }

  private static Integer limit(JsonNode parameters, String name) {
    JsonNode value = parameters.get(name);
    return value == null || value.isNull() ? null : value.asInt();
  }

  private static ConnectorCommandOutput toolFailure(ManifestToolException e) {
    return new ConnectorCommandOutput(false, e.getMessage(), null,
        new AttemptFailure(FailureOrigin.SOURCE, FailureType.SYSTEM_ERROR, false, e.getMessage(), e.toString(), null,
            System.currentTimeMillis()), null);
  }

  private static ConnectorCommandOutput output(ConnectorJobResult<?> result) {
    if (!result.succeeded()) {
      return new ConnectorCommandOutput(false, result.failure().externalMessage(), null,
          SyncActivitiesImpl.failure(result.failure()), result.logPath().toString());
    }
    return new ConnectorCommandOutput(true, null, Jsons.toTree(result.output()), null, result.logPath().toString());
  }
}
