package io.airbyte.worker.sync;

import io.airbyte.protocol.models.AirbyteConnectionStatus;
import io.airbyte.worker.connector.ConnectorJobResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.airbyte.contract.connector.ConnectorRuntime;
import io.airbyte.worker.process.ConnectorRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checks that passed on this worker lately, so the first attempt of a sync need not start both connectors
 * once more to check a configuration that just passed (a saved source's "Test", the previous sync's check). A
 * check is known by a SHA-256 of its role, its connector (runtime and version) and its whole configuration,
 * secrets included: any edit is another configuration. Only the hash is kept, in memory. A check that failed, or
 * an attempt that failed, forgets the configurations involved, so they are checked again before the next attempt.
 */
public final class RecentChecks {

  private final Duration reuse;
  private final Clock clock;
  private final Map<String, Instant> passed = new ConcurrentHashMap<>();

  public RecentChecks(Duration reuse, Clock clock) {
    if (reuse.isNegative()) {
      throw new IllegalArgumentException("a check is reused for a duration of at least 0, not " + reuse);
    }
    this.reuse = reuse;
    this.clock = clock;
  }

  /** Remembers nothing: every attempt checks. */
  public static RecentChecks none() {
    return new RecentChecks(Duration.ZERO, Clock.systemUTC());
  }

  public Duration reuse() {
    return reuse;
  }

  public void passed(ConnectorRole role, ConnectorRuntime connector, JsonNode config) {
    if (reuse.isZero()) {
      return;
    }
    Instant now = clock.instant();
    passed.values().removeIf(at -> !at.plus(reuse).isAfter(now));
    passed.put(key(role, connector, config), now);
  }

  /** Remembers a check that passed (the connector answered SUCCEEDED); forgets the configuration otherwise. */
  public void record(ConnectorRole role, ConnectorRuntime connector, JsonNode config,
      ConnectorJobResult<AirbyteConnectionStatus> result) {
    if (result.succeeded() && result.output().getStatus() == AirbyteConnectionStatus.Status.SUCCEEDED) {
      passed(role, connector, config);
    } else {
      forget(role, connector, config);
    }
  }

  public void forget(ConnectorRole role, ConnectorRuntime connector, JsonNode config) {
    passed.remove(key(role, connector, config));
  }

  /** How long ago this configuration passed a check, when that was less than the reuse period ago. */
  public Optional<Duration> passedWithin(ConnectorRole role, ConnectorRuntime connector, JsonNode config) {
    if (reuse.isZero()) {
      return Optional.empty();
    }
    Instant at = passed.get(key(role, connector, config));
    if (at == null) {
      return Optional.empty();
    }
    Duration age = Duration.between(at, clock.instant());
    return age.compareTo(reuse) < 0 && !age.isNegative() ? Optional.of(age) : Optional.empty();
  }

  private static String key(ConnectorRole role, ConnectorRuntime connector, JsonNode config) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(role.label().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(connector.toString().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      StringBuilder canonical = new StringBuilder();
      canonical(config, canonical);
      digest.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The configuration with its object keys in order, so that two spellings of one configuration are one check. */
  private static void canonical(JsonNode node, StringBuilder out) {
    if (node == null) {
      out.append("null");
    } else if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      out.append('{');
      for (String name : names) {
        out.append(TextNode.valueOf(name)).append(':');
        canonical(node.get(name), out);
        out.append(',');
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (JsonNode element : node) {
        canonical(element, out);
        out.append(',');
      }
      out.append(']');
    } else {
      out.append(node);
    }
  }
}
