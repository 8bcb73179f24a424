package io.airbyte.protocol.rows;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A stream line of the {@link TypedRows} format: which stream the rows of {@code ref} belong to, and
 * the name and kind of each value of its rows, in order.
 */
public record StreamDeclaration(int ref, String namespace, String name, List<String> fields, List<RowValueKind> kinds) {

  public StreamDeclaration {
    Objects.requireNonNull(name, "name");
    fields = List.copyOf(fields);
    kinds = List.copyOf(kinds);
    if (fields.size() != kinds.size()) {
      throw new IllegalArgumentException("a stream line needs a kind for each field");
    }
  }

  /** Reads a stream line; throws {@link IllegalArgumentException} saying what is wrong with it. */
  public static StreamDeclaration parse(byte[] line) {
    if (!TypedRows.isTypedRowLine(line) || line[1] != TypedRows.STREAM) {
      throw new IllegalArgumentException("not a stream line");
    }
    int ref = TypedRows.ref(line);
    if (ref < 0) {
      throw new IllegalArgumentException("the stream line has no ref");
    }
    CopyTextRow row = new CopyTextRow();
    row.load(line);
    if (row.fields() < 4 || row.fields() % 2 != 0) {
      throw new IllegalArgumentException("a stream line has a ref, a namespace, a name and pairs of field and kind");
    }
    String name = row.string(3);
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("the stream line has no stream name");
    }
    List<String> fields = new ArrayList<>();
    List<RowValueKind> kinds = new ArrayList<>();
    for (int i = 4; i < row.fields(); i += 2) {
      String field = row.string(i);
      String code = row.string(i + 1);
      RowValueKind kind = code == null || code.length() != 1 ? null : RowValueKind.of(code.charAt(0));
      if (field == null || kind == null) {
        throw new IllegalArgumentException("field " + ((i - 4) / 2 + 1) + " of the stream line has no name or an unknown kind '"
            + code + "'");
      }
      fields.add(field);
      kinds.add(kind);
    }
    return new StreamDeclaration(ref, row.string(2), name, fields, kinds);
  }

  /** The stream line, without its newline. */
  public byte[] toLine() {
    TypedRowBuilder line = new TypedRowBuilder().stream(ref).text(namespace).text(name);
    for (int i = 0; i < fields.size(); i++) {
      line.text(fields.get(i)).text(String.valueOf(kinds.get(i).code()));
    }
    return line.toLine();
  }

  /** The same fields under another stream name. */
  public StreamDeclaration renamed(String namespace, String name) {
    return new StreamDeclaration(ref, namespace, name, fields, kinds);
  }

  /** Only the fields in {@code kept}, in their order. */
  public StreamDeclaration keeping(Set<String> kept) {
    List<String> f = new ArrayList<>();
    List<RowValueKind> k = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      if (kept.contains(fields.get(i))) {
        f.add(fields.get(i));
        k.add(kinds.get(i));
      }
    }
    return new StreamDeclaration(ref, namespace, name, f, k);
  }

  /** For each field, whether it is in {@code kept}. */
  public boolean[] positionsKept(Set<String> kept) {
    boolean[] keep = new boolean[fields.size()];
    for (int i = 0; i < keep.length; i++) {
      keep[i] = kept.contains(fields.get(i));
    }
    return keep;
  }
}
