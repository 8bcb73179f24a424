package io.airbyte.connectors.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.testsupport.python.PythonPins;
import io.airbyte.testsupport.python.PythonVenvs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Airbyte's own protocol models ({@code airbyte-protocol-models} from PyPI, pydantic) as a second
 * judge of our connectors' output, beside the JSON-schema check: a batch of captured lines is
 * validated line by line ({@code AirbyteMessage.parse_raw}) in one Python process.
 */
final class ProtocolModels {

  static final String PACKAGE = "airbyte-protocol-models";

  private ProtocolModels() {}

  /** A line Airbyte's models refuse, with where it came from. */
  record Failure(long lineNumber, String connector, String command, String line, String error) {
    @Override
    public String toString() {
      String excerpt = line.length() <= 500 ? line : line.substring(0, 500) + "… (" + line.length() + " chars)";
      return connector + " " + command + ", captured line " + lineNumber + ": " + error.replace('\n', ' ') + "\n    " + excerpt;
    }
  }

  /** How many lines were validated and those that failed. */
  record Result(long validated, List<Failure> failures) {}

  static Result validate(Path batch) throws IOException, InterruptedException {
    Path python = PythonVenvs.pinned(PACKAGE + "-" + PythonPins.version(PACKAGE), PACKAGE);
    Path script = script(batch.getParent());
    Process process = new ProcessBuilder(python.toString(), script.toString(), batch.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    process.getOutputStream().close();
    List<Failure> failures = new ArrayList<>();
    long validated = -1;
    String what = "The protocol models' validator on " + batch;
    try (Watchdog watchdog = new Watchdog(java.time.Duration.ofMinutes(10), process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        JsonNode node = Jsons.deserialize(line);
        if (node.has("validated")) {
          validated = node.get("validated").asLong();
        } else {
          failures.add(new Failure(node.get("line_number").asLong(), node.get("connector").asText(),
              node.get("command").asText(), node.get("line").asText(), node.get("error").asText()));
        }
      }
      process.waitFor();
      watchdog.check(what);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(what + " failed (see its stderr above)");
    }
    return new Result(validated, failures);
  }

  private static Path script(Path dir) throws IOException {
    Path script = dir.resolve("validate_protocol_models.py");
    if (!Files.exists(script)) {
      try (InputStream in = ProtocolModels.class.getResourceAsStream("/python/validate_protocol_models.py")) {
        Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return script;
  }
}
