package io.airbyte.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.json.Jsons;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** JSON and time columns: values go in as text cast to jsonb, come out through the protocol's mapper. */
public final class JsonColumns {

  private JsonColumns() {}

  public static String json(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return Jsons.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot store " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  public static JsonNode tree(ResultSet rs, String column) throws SQLException {
    String text = rs.getString(column);
    return text == null ? null : Jsons.deserialize(text);
  }

  public static <T> T read(ResultSet rs, String column, Class<T> type) throws SQLException {
    String text = rs.getString(column);
    return text == null ? null : Jsons.deserialize(text, type);
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  public static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
