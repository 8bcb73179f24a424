package io.airbyte.worker.replication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airbyte.protocol.json.Jsons;
import java.io.BufferedReader;
import java.io.FileWriter;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A destination for engine tests, run as a child process: {@code write --config F --catalog F}.
 * It appends every line it receives to {@code output} (typed rows too: a row counts as a record), writes its pid to {@code pid_file}, and
 * echoes states with {@code destinationStats.recordCount} — every state, or (mode {@code last})
 * only the last of each run of states before a record. {@code fail_after_records}: exits
 * {@code exit_code} (with a TRACE ERROR) after that many records; {@code echo_unknown}: first
 * echoes a state nobody sent.
 */
public final class FakeDestination {

  public static void main(String[] args) throws Exception {
    JsonNode config = Jsons.readFile(Path.of(args[2]));
    Files.writeString(Path.of(config.get("pid_file").asText()), Long.toString(ProcessHandle.current().pid()));
    int failAfter = config.path("fail_after_records").asInt(-1);
    boolean onlyLast = "last".equals(config.path("mode").asText());
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    if (config.path("echo_unknown").asBoolean()) {
      out.println("{\"type\":\"STATE\",\"state\":{\"type\":\"LEGACY\",\"data\":{\"nobody\":\"sent this\"}}}");
    }
    out.println("this line is not a message");
    out.println("{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"fake destination started\"}}");
    long records = 0;
    long sinceEcho = 0;
    String pendingState = null;
    try (Writer file = new FileWriter(config.get("output").asText(), StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        file.write(line);
        file.write('\n');
        boolean typedRow = line.startsWith("\u001e");
        JsonNode message = typedRow ? null : Jsons.deserialize(line);
        String type = typedRow ? (line.startsWith("\u001eR") ? "RECORD" : "STREAM_LINE") : message.get("type").asText();
        if (type.equals("RECORD")) {
          if (pendingState != null) {
            file.flush();
            out.println(pendingState);
            pendingState = null;
            sinceEcho = 0;
          }
          records++;
          sinceEcho++;
          if (records == failAfter) {
            file.flush();
            out.println("{\"type\":\"TRACE\",\"trace\":{\"type\":\"ERROR\",\"emitted_at\":1,\"error\":{\"message\":\"disk full\","
                + "\"failure_type\":\"system_error\"}}}");
            System.exit(config.path("exit_code").asInt(1));
          }
        } else if (type.equals("STATE")) {
          ObjectNode state = (ObjectNode) message.get("state");
          state.putObject("destinationStats").put("recordCount", (double) sinceEcho);
          if (onlyLast) {
            pendingState = Jsons.serialize(message);
          } else {
            file.flush();
            out.println(Jsons.serialize(message));
            sinceEcho = 0;
          }
        }
      }
      file.flush();
      if (pendingState != null) {
        out.println(pendingState);
      }
    }
    System.exit(config.path("exit_code_at_end").asInt(0));
  }
}
