package io.airbyte.db;

/** A row that is not there (or is deleted): the API answers 404 with what was looked for. */
public class NotFoundException extends RuntimeException {

  private final String kind;
  private final String id;

  public NotFoundException(String kind, Object id) {
    super(kind + " " + id + " not found");
    this.kind = kind;
    this.id = String.valueOf(id);
  }

  public String kind() {
    return kind;
  }

  public String id() {
    return id;
  }
}
