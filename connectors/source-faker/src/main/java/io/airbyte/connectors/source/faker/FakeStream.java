package io.airbyte.connectors.source.faker;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * One generated stream. Every value of a record comes from a random generator seeded by (seed,
 * stream, unit), so a record is the same whatever order or thread generates it: the output is
 * deterministic for a seed, and a read can resume at any unit. A "unit" is a user for users and
 * purchases (which come per user), a product for products.
 */
interface FakeStream {

  DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;
  Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");
  long SPAN_SECONDS = ChronoUnit.DAYS.getDuration().getSeconds() * 365 * 5;

  String name();

  ObjectNode jsonSchema();

  /** Units the stream has for a configured count. */
  long units(long count);

  /**
   * Records a unit yields: its data objects, written one after the other through {@code sink}.
   *
   * @param updatedAtOverride when not null, the {@code updated_at} of every record (records
   *     re-emitted as updated); otherwise it comes from the seed like every other value
   */
  void generate(long seed, long unit, String updatedAtOverride, RecordSink sink) throws IOException;

  /** Estimated size of a record, for the ESTIMATE trace. */
  long bytesPerRecord();

  /** Receives generated records: {@code data} writes the record's data object, {@code updatedAt} is its cursor. */
  interface RecordSink {
    void record(String updatedAt, DataWriter data) throws IOException;
  }

  /** Writes one record's data object. */
  @FunctionalInterface
  interface DataWriter {
    void write(JsonGenerator g) throws IOException;
  }

  /** The generator of one unit of one stream. */
  static SplittableRandom random(long seed, String stream, long unit) {
    long h = seed * 0x9E3779B97F4A7C15L + stream.hashCode() * 0xC2B2AE3D27D4EB4FL + unit * 0x165667B19E3779F9L;
    return new SplittableRandom(h);
  }

  /** A moment in 2020-2024, at whole seconds. */
  static Instant instant(SplittableRandom random) {
    return EPOCH.plusSeconds(random.nextLong(SPAN_SECONDS));
  }
}
