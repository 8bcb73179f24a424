package io.airbyte.connector.kit.sql;

import io.airbyte.connector.kit.ConfigErrorException;
import io.airbyte.connector.kit.destination.StreamTarget;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The tables and columns of a write's streams as the engine will store them, decided before anything
 * is written. Streams whose tables would be one table in the engine (names that differ only by case
 * where the engine folds case, names shortened to the same identifier, a table named like another
 * stream's temporary table) get distinct tables: the first stream, in order of namespace and name,
 * keeps its name, each other one gets its name plus {@code _} and a short hash of its namespace and
 * name, as Airbyte's destinations do. Columns that would be one column in the engine, or a column
 * named like one of the Airbyte columns, are refused with a config error naming the stream and both
 * fields, since a record's values cannot be told apart there.
 */
public final class TableNames {

  private static final int HASH_CHARS = 3;
  private static final Logger LOG = Logger.getLogger(TableNames.class.getName());

  private TableNames() {}

  /** The targets, in catalog order, with their tables made distinct in {@code dialect}. */
  public static List<StreamTarget> resolve(List<StreamTarget> targets, SqlDialect dialect) {
    for (StreamTarget target : targets) {
      checkColumns(target, dialect);
    }
    List<StreamTarget> ordered = new ArrayList<>(targets);
    ordered.sort(Comparator.comparing((StreamTarget t) -> t.namespace() == null ? "" : t.namespace())
        .thenComparing(StreamTarget::name));
    Map<String, StreamTarget> claimed = new HashMap<>();
    Map<StreamTarget, StreamTarget> renamed = new IdentityHashMap<>();
    for (StreamTarget target : ordered) {
      StreamTarget resolved = target;
      for (int attempt = 0; collides(resolved, dialect, claimed); attempt++) {
        String suffix = "_" + hash(target, attempt);
        resolved = target.withTable(dialect.withSuffix(target.name(), suffix));
      }
      if (resolved != target) {
        StreamTarget first = claimed.get(key(target.schema(), target.table(), dialect));
        LOG.warning("stream " + target.describe()
            + " would share a table with stream " + (first == null ? "?" : first.describe()) + " in this destination: it is"
            + " written to table " + resolved.table());
      }
      for (String table : tablesOf(resolved, dialect)) {
        claimed.put(key(resolved.schema(), table, dialect), target);
      }
      renamed.put(target, resolved);
    }
    return targets.stream().map(renamed::get).toList();
  }

  private static boolean collides(StreamTarget target, SqlDialect dialect, Map<String, StreamTarget> claimed) {
    return tablesOf(target, dialect).stream().anyMatch(t -> claimed.containsKey(key(target.schema(), t, dialect)));
  }

  /** The tables a stream's write uses: its table, and the temporary table of a truncate refresh. */
  private static List<String> tablesOf(StreamTarget target, SqlDialect dialect) {
    return target.truncateRefresh()
        ? List.of(target.table(), dialect.withSuffix(target.table(), SqlStreamLoader.TMP_SUFFIX))
        : List.of(target.table());
  }

  private static String key(String schema, String table, SqlDialect dialect) {
    return dialect.identityOf(schema) + "\u0000" + dialect.identityOf(table);
  }

  private static void checkColumns(StreamTarget target, SqlDialect dialect) {
    Map<String, String> seen = new HashMap<>();
    for (String airbyte : SqlTables.AIRBYTE_COLUMNS) {
      seen.put(dialect.identityOf(airbyte), airbyte);
    }
    if (target.dedup()) {
      seen.put(dialect.identityOf(SqlStreamLoader.SEQ_COLUMN), SqlStreamLoader.SEQ_COLUMN);
    }
    for (String field : target.columns().keySet()) {
      String other = seen.putIfAbsent(dialect.identityOf(field), field);
      if (other != null) {
        boolean reserved = SqlTables.AIRBYTE_COLUMNS.contains(other) || other.equals(SqlStreamLoader.SEQ_COLUMN);
        throw new ConfigErrorException("stream '" + target.describe() + "': field '" + field + "' would be stored as the"
            + " same column as " + (reserved ? "the destination's own column '" : "field '") + other + "' (this destination"
            + " stores it as " + dialect.quote(field) + "); rename or deselect one of them");
      }
    }
  }

  private static String hash(StreamTarget target, int attempt) {
    String text = (target.namespace() == null ? "" : target.namespace()) + "&airbyte&" + target.name()
        + (attempt == 0 ? "" : "&" + attempt);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS + Math.min(attempt, 5));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
