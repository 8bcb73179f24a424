package io.airbyte.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.airbyte.testsupport.python.PythonVenvs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * schemathesis (pinned in python-pins.properties, in a shared virtual environment of the test cache)
 * against the packaged platform's own OpenAPI document, authenticated as the admin: a few examples per
 * operation, two minutes in all, a fixed seed. It must find no 5xx and no answer the document does not
 * describe (status code, content type, body schema — problem+json errors included).
 *
 * <p>Left out: the operations that would fetch or run third-party code from the names the fuzzer
 * makes up (custom definitions: a Docker image or a PyPI package; low-code manifests and the
 * builder's test read, run by the CDK); their refusals are tested one by one elsewhere.
 */
@Timeout(600)
class ApiFuzzIT {

  static final int EXAMPLES_PER_OPERATION = 5;
  static final int MAX_SECONDS = 120;
  static final String LEFT_OUT = "/definitions|/declarative_sources|/connector_builder";

  @TempDir
  Path home;

  @Test
  void schemathesisFindsNoServerErrorAndNoAnswerTheDocumentDoesNotDescribe() throws Exception {
    Path python = PythonVenvs.pinned("schemathesis", "schemathesis");
    Path schemathesis = python.resolveSibling("schemathesis");
    try (RunningPlatform platform = RunningPlatform.start(home, RunningPlatform.ANY_PORT, "fuzz", Map.of())) {
      String base = "http://localhost:" + platform.port();
      Path report = Path.of("target", "schemathesis").toAbsolutePath();
      Files.createDirectories(report);
      Path output = home.resolve("schemathesis.txt");
      Process run = new ProcessBuilder(List.of(schemathesis.toString(), "run", base + "/v3/api-docs", "--url", base,
          "--auth", "airbyte:" + RunningPlatform.PASSWORD, "--max-examples", Integer.toString(EXAMPLES_PER_OPERATION),
          "--max-time", Integer.toString(MAX_SECONDS), "--phases", "examples,coverage,fuzzing", "--seed", "17", "--no-shrink",
          "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
          "--exclude-path-regex", LEFT_OUT, "--request-timeout", "30", "--report", "junit", "--report-dir", report.toString()))
          .directory(home.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      run.getOutputStream().close();
      if (!run.waitFor(MAX_SECONDS + 180, TimeUnit.SECONDS)) {
        run.destroyForcibly().waitFor();
        throw new AssertionError("schemathesis ran past its time budget: " + Files.readString(output, StandardCharsets.UTF_8));
      }
      String printed = Files.readString(output, StandardCharsets.UTF_8);
      System.out.println(printed);
      assertThat(printed).as("schemathesis tested operations").contains("generated");
      assertThat(run.exitValue()).as(printed).isZero();
      assertThat(platform.log("fuzz")).as("no unexpected error in the platform's log").doesNotContain("Unexpected error");
    }
  }
}
