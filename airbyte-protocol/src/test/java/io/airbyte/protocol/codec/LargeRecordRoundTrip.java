package io.airbyte.protocol.codec;

import io.airbyte.protocol.models.AirbyteMessage;
import io.airbyte.protocol.models.AirbyteRecordMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Run in a JVM of its own with a small heap (see {@link LargeRecordIT}): writes a file holding one
 * record of the given size between two small messages, reads it with the codec, writes it back
 * through the model, reads the result again and checks the record's data is byte for byte the same.
 * Prints "OK <bytes>" and exits 0 on success.
 */
public final class LargeRecordRoundTrip {

  public static void main(String[] args) throws Exception {
    long megabytes = Long.parseLong(args[0]);
    Path dir = Path.of(args[1]);
    Path input = dir.resolve("in.jsonl");
    Path output = dir.resolve("out.jsonl");

    String expected = writeInput(input, megabytes * 1024 * 1024);
    int messages = copy(input, output);
    String roundTripped = recordDigest(output);
    if (messages != 3 || !expected.equals(roundTripped)) {
      System.out.println("MISMATCH messages=" + messages + " expected=" + expected + " got=" + roundTripped);
      System.exit(1);
    }
    System.out.println("OK " + Files.size(output));
  }

  private static String writeInput(Path file, long payloadBytes) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      out.write("{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"before\"}}\n".getBytes(StandardCharsets.UTF_8));
      out.write("{\"type\":\"RECORD\",\"record\":{\"stream\":\"big\",\"emitted_at\":1,\"data\":".getBytes(StandardCharsets.UTF_8));
      DigestOutputStream data = new DigestOutputStream(out, digest);
      data.write("{\"n\":1,\"payload\":\"".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "abcdefghijklmnopqrstuvwxyz0123456789".repeat(30_000).getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written < payloadBytes; written += chunk.length) {
        data.write(chunk, 0, (int) Math.min(chunk.length, payloadBytes - written));
      }
      data.write("\"}".getBytes(StandardCharsets.UTF_8));
      data.on(false);
      out.write(",\"x_extra\":true}}\n".getBytes(StandardCharsets.UTF_8));
      out.write("{\"type\":\"STATE\",\"state\":{\"type\":\"LEGACY\",\"data\":{\"done\":true}}}\n".getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static int copy(Path input, Path output) throws IOException {
    int messages = 0;
    try (AirbyteMessageReader reader = new AirbyteMessageReader(Files.newInputStream(input));
        AirbyteMessageWriter writer = new AirbyteMessageWriter(Files.newOutputStream(output))) {
      for (ProtocolLine line = reader.next(); line != null; line = reader.next()) {
        writer.write(((ProtocolLine.Message) line).message());
        messages++;
      }
    }
    return messages;
  }

  private static String recordDigest(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file); AirbyteMessageReader reader = new AirbyteMessageReader(in)) {
      for (ProtocolLine line = reader.next(); line != null; line = reader.next()) {
        AirbyteMessage message = ((ProtocolLine.Message) line).message();
        if (message.getType() == AirbyteMessage.Type.RECORD) {
          AirbyteRecordMessage record = message.getRecord();
          if (!"big".equals(record.getStream()) || !record.getAdditionalProperties().containsKey("x_extra")) {
            return "envelope lost";
          }
          MessageDigest digest = MessageDigest.getInstance("SHA-256");
          record.getRawData().writeTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
          return HexFormat.of().formatHex(digest.digest());
        }
      }
    }
    return "no record";
  }
}
