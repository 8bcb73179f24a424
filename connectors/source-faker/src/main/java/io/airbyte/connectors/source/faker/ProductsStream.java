package io.airbyte.connectors.source.faker;

import static io.airbyte.connectors.source.faker.Vocabulary.WORDS;
import static io.airbyte.connectors.source.faker.Vocabulary.pick;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.protocol.json.Jsons;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.SplittableRandom;

/** Airbyte's {@code products}: a catalog of 100 products (ids 1..100, and never more than {@code count}). */
final class ProductsStream implements FakeStream {

  static final int PRODUCTS = 100;

  @Override
  public String name() {
    return "products";
  }

  @Override
  public long units(long count) {
    return Math.min(count, PRODUCTS);
  }

  @Override
  public long bytesPerRecord() {
    return 180;
  }

  @Override
  public void generate(long seed, long unit, String updatedAtOverride, RecordSink sink) throws IOException {
    SplittableRandom r = FakeStream.random(seed, name(), unit);
    long id = unit + 1;
    String make = pick(r, WORDS.makes);
    String model = pick(r, WORDS.models);
    int year = 1990 + r.nextInt(35);
    BigDecimal price = BigDecimal.valueOf(5_000_00 + r.nextInt(95_000_00), 2);
    Instant created = FakeStream.instant(r);
    String createdAt = TIME.format(created);
    String updatedAt = updatedAtOverride != null ? updatedAtOverride : TIME.format(created.plusSeconds(r.nextLong(30L * 24 * 3600)));
    sink.record(updatedAt, g -> {
      g.writeStartObject();
      g.writeNumberField("id", id);
      g.writeStringField("make", make);
      g.writeStringField("model", model);
      g.writeNumberField("year", year);
      g.writeNumberField("price", price);
      g.writeStringField("created_at", createdAt);
      g.writeStringField("updated_at", updatedAt);
      g.writeEndObject();
    });
  }

  @Override
  public ObjectNode jsonSchema() {
    return (ObjectNode) Jsons.deserialize("""
        {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": {
          "id": {"type": "integer"}, "make": {"type": "string"}, "model": {"type": "string"},
          "year": {"type": "integer"}, "price": {"type": "number"},
          "created_at": {"type": "string", "format": "date-time", "airbyte_type": "timestamp_with_timezone"},
          "updated_at": {"type": "string", "format": "date-time", "airbyte_type": "timestamp_with_timezone"}}}
        """);
  }
}
