package io.airbyte.connectors.contract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Records every message line the connectors of a test print ({@link CapturedLines}) and, after the
 * test, validates them with Airbyte's protocol models in one Python process: the test fails naming
 * each refused line with its connector and command.
 */
final class ProtocolModelsExtension implements BeforeEachCallback, AfterEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    Path dir = Files.createTempDirectory("protocol-models-");
    CapturedLines.start(dir.resolve("captured.tsv"));
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    CapturedLines.Batch batch = CapturedLines.stop();
    if (batch == null) {
      return;
    }
    try {
      if (batch.lines() == 0) {
        return;
      }
      ProtocolModels.Result result = ProtocolModels.validate(batch.file);
      if (result.validated() != batch.lines()) {
        throw new AssertionError("Airbyte's protocol models validated " + result.validated() + " lines of "
            + batch.lines() + " captured in " + batch.file);
      }
      if (!result.failures().isEmpty()) {
        throw new AssertionError(result.failures().size() + " of " + batch.lines()
            + " message lines do not validate with Airbyte's protocol models (airbyte-protocol-models):\n"
            + result.failures().stream().limit(20).map(Object::toString).collect(Collectors.joining("\n")));
      }
      System.err.println(context.getDisplayName() + ": " + result.validated()
          + " message lines validated with Airbyte's protocol models");
    } finally {
      Files.deleteIfExists(batch.file);
      Files.deleteIfExists(batch.file.resolveSibling("validate_protocol_models.py"));
      Files.deleteIfExists(batch.file.getParent());
    }
  }
}
