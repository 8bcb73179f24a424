package io.airbyte.protocol.rows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.protocol.json.Jsons;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** A row's values as the JSON object a JSON-lines record would carry as its data. */
public final class TypedRowJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TypedRowJson() {}

  public static ObjectNode data(StreamDeclaration stream, CopyTextRow row) {
    ObjectNode data = NODES.objectNode();
    for (int k = 0; k < stream.fields().size(); k++) {
      int field = TypedRows.FIRST_VALUE + k;
      data.set(stream.fields().get(k), row.isNull(field) ? NODES.nullNode() : value(stream.kinds().get(k), row, field));
    }
    return data;
  }

  private static JsonNode value(RowValueKind kind, CopyTextRow row, int field) {
    int length = row.unescape(field);
    String text = new String(row.scratch(), 0, length, StandardCharsets.UTF_8);
    return switch (kind) {
      case INTEGER -> NODES.numberNode(new BigInteger(text));
      case NUMBER -> Character.isDigit(text.charAt(text.length() - 1)) ? NODES.numberNode(new BigDecimal(text)) : NODES.textNode(text);
      case BOOLEAN -> NODES.booleanNode(text.startsWith("t"));
      case STRING -> NODES.textNode(text);
      case JSON -> Jsons.deserialize(text);
    };
  }
}
