package io.airbyte.connectors.source.faker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.protocol.json.Jsons;
import java.io.IOException;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Airbyte's {@code purchases}, made per user as Airbyte makes them: every 10 users make 10
 * purchases (a user whose id ends in 6 makes none, one ending in 8 makes two), so a purchase's id
 * follows from its user's.
 */
final class PurchasesStream implements FakeStream {

  @Override
  public String name() {
    return "purchases";
  }

  @Override
  public long units(long count) {
    return count;
  }

  @Override
  public long bytesPerRecord() {
    return 230;
  }

  @Override
  public void generate(long seed, long unit, String updatedAtOverride, RecordSink sink) throws IOException {
    SplittableRandom r = FakeStream.random(seed, name(), unit);
    int lastDigit = (int) (unit % 10);
    int purchases = lastDigit - 1 == 5 ? 0 : lastDigit - 1 == 7 ? 2 : 1;
    int idOffset = lastDigit - 1 == 6 || lastDigit - 1 == 7 ? 1 : 0;
    for (int i = 0; i < purchases; i++) {
      long id = unit + i + 1 - idOffset;
      long userId = unit + 1;
      int productId = 1 + r.nextInt(ProductsStream.PRODUCTS);
      Instant created = FakeStream.instant(r);
      Instant addedToCart = created.plusSeconds(r.nextLong(3 * 24 * 3600L));
      Instant purchased = r.nextInt(100) < 70 ? addedToCart.plusSeconds(r.nextLong(7 * 24 * 3600L)) : null;
      Instant returned = purchased != null && r.nextInt(100) < 15 ? purchased.plusSeconds(r.nextLong(30 * 24 * 3600L)) : null;
      Instant updated = returned != null ? returned : purchased != null ? purchased : addedToCart;
      String updatedAt = updatedAtOverride != null ? updatedAtOverride : TIME.format(updated);
      sink.record(updatedAt, g -> {
        g.writeStartObject();
        g.writeNumberField("id", id);
        g.writeNumberField("product_id", productId);
        g.writeNumberField("user_id", userId);
        g.writeStringField("created_at", TIME.format(created));
        g.writeStringField("updated_at", updatedAt);
        g.writeStringField("added_to_cart_at", TIME.format(addedToCart));
        if (purchased == null) {
          g.writeNullField("purchased_at");
        } else {
          g.writeStringField("purchased_at", TIME.format(purchased));
        }
        if (returned == null) {
          g.writeNullField("returned_at");
        } else {
          g.writeStringField("returned_at", TIME.format(returned));
        }
        g.writeEndObject();
      });
    }
  }

  @Override
  public ObjectNode jsonSchema() {
    return (ObjectNode) Jsons.deserialize("""
        {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": {
          "id": {"type": "integer"}, "user_id": {"type": "integer"}, "product_id": {"type": "integer"},
          "created_at": {"type": "string", "format": "date-time", "airbyte_type": "timestamp_with_timezone"},
          "updated_at": {"type": "string", "format": "date-time", "airbyte_type": "timestamp_with_timezone"},
          "added_to_cart_at": {"type": ["null", "string"], "format": "date-time", "airbyte_type": "timestamp_with_timezone"},
          "purchased_at": {"type": ["null", "string"], "format": "date-time", "airbyte_type": "timestamp_with_timezone"},
          "returned_at": {"type": ["null", "string"], "format": "date-time", "airbyte_type": "timestamp_with_timezone"}}}
        """);
  }
}
