package io.airbyte.connectors.source.faker;

import static io.airbyte.connectors.source.faker.Vocabulary.WORDS;
import static io.airbyte.connectors.source.faker.Vocabulary.pick;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.protocol.json.Jsons;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/** Airbyte's {@code users}: one user per unit, ids 1..count. */
final class UsersStream implements FakeStream {

  @Override
  public String name() {
    return "users";
  }

  @Override
  public long units(long count) {
    return count;
  }

  @Override
  public long bytesPerRecord() {
    return 450;
  }

  @Override
  public void generate(long seed, long unit, String updatedAtOverride, RecordSink sink) throws IOException {
    SplittableRandom r = FakeStream.random(seed, name(), unit);
    long id = unit + 1;
    Instant a = FakeStream.instant(r);
    Instant b = FakeStream.instant(r);
    String createdAt = TIME.format(a.isBefore(b) ? a : b);
    String updatedAt = updatedAtOverride != null ? updatedAtOverride : TIME.format(a.isBefore(b) ? b : a);
    String first = pick(r, WORDS.firstNames);
    String last = pick(r, WORDS.lastNames);
    String email = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + "+" + id + "@"
        + pick(r, WORDS.emailDomains);
    String title = pick(r, WORDS.titles);
    int age = 18 + r.nextInt(70);
    String telephone = String.format(Locale.ROOT, "+1-%03d-%03d-%04d", 200 + r.nextInt(800), r.nextInt(1000), r.nextInt(10000));
    String gender = pick(r, WORDS.genders);
    String language = pick(r, WORDS.languages);
    String degree = pick(r, WORDS.degrees);
    String nationality = pick(r, WORDS.nationalities);
    String occupation = pick(r, WORDS.occupations);
    String height = String.format(Locale.ROOT, "%.2f", 1.45 + r.nextDouble() * 0.6);
    String bloodType = pick(r, WORDS.bloodTypes);
    int weight = 45 + r.nextInt(70);
    String streetNumber = Integer.toString(1 + r.nextInt(9999));
    String streetName = pick(r, WORDS.streetNames) + " " + pick(r, WORDS.streetSuffixes);
    String city = pick(r, WORDS.cities);
    String state = pick(r, WORDS.states);
    String province = pick(r, WORDS.provinces);
    String postalCode = String.format(Locale.ROOT, "%05d", r.nextInt(100000));
    String countryCode = pick(r, WORDS.countryCodes);
    sink.record(updatedAt, g -> {
      g.writeStartObject();
      g.writeNumberField("id", id);
      g.writeStringField("created_at", createdAt);
      g.writeStringField("updated_at", updatedAt);
      g.writeStringField("name", first + " " + last);
      g.writeStringField("title", title);
      g.writeNumberField("age", age);
      g.writeStringField("email", email);
      g.writeStringField("telephone", telephone);
      g.writeStringField("gender", gender);
      g.writeStringField("language", language);
      g.writeStringField("academic_degree", degree);
      g.writeStringField("nationality", nationality);
      g.writeStringField("occupation", occupation);
      g.writeStringField("height", height);
      g.writeStringField("blood_type", bloodType);
      g.writeNumberField("weight", weight);
      g.writeObjectFieldStart("address");
      g.writeStringField("street_number", streetNumber);
      g.writeStringField("street_name", streetName);
      g.writeStringField("city", city);
      g.writeStringField("state", state);
      g.writeStringField("province", province);
      g.writeStringField("postal_code", postalCode);
      g.writeStringField("country_code", countryCode);
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  @Override
  public ObjectNode jsonSchema() {
    return (ObjectNode) Jsons.deserialize("""
        {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": {
          "id": {"type": "integer"},
          "created_at": {"type": "string", "format": "date-time", "airbyte_type": "timestamp_with_timezone"},
          "updated_at": {"type": "string", "format": "date-time", "airbyte_type": "timestamp_with_timezone"},
          "name": {"type": "string"}, "title": {"type": "string"}, "age": {"type": "integer"},
          "email": {"type": "string"}, "telephone": {"type": "string"}, "gender": {"type": "string"},
          "language": {"type": "string"}, "academic_degree": {"type": "string"}, "nationality": {"type": "string"},
          "occupation": {"type": "string"}, "height": {"type": "string"}, "blood_type": {"type": "string"},
          "weight": {"type": "integer"},
          "address": {"type": "object", "properties": {
            "street_number": {"type": "string"}, "street_name": {"type": "string"}, "city": {"type": "string"},
            "state": {"type": "string"}, "province": {"type": "string"}, "postal_code": {"type": "string"},
            "country_code": {"type": "string"}}}}}
        """);
  }
}
