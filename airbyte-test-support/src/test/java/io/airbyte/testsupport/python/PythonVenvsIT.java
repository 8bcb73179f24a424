package io.airbyte.testsupport.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tool environments: made once under their lock, reused, made again when the pins change; a bad pin says why. */
class PythonVenvsIT {

  @TempDir
  Path root;

  @Test
  void twoFirstUsesAtOnceShareOneInstallAndAChangedPinRemakesIt() throws Exception {
    String cowsay = "cowsay==" + PythonPins.version("cowsay");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Path> one = pool.submit(() -> PythonVenvs.ensure(root, "tools", List.of(cowsay)));
      Future<Path> two = pool.submit(() -> PythonVenvs.ensure(root, "tools", List.of(cowsay)));
      assertThat(one.get()).isEqualTo(two.get()).isEqualTo(root.resolve("tools/bin/python"));
    } finally {
      pool.shutdownNow();
    }
    assertThat(Files.isExecutable(root.resolve("tools/bin/cowsay"))).isTrue();
    assertThat(Files.readString(root.resolve("tools").resolve(PythonVenvs.MARKER))).isEqualTo(cowsay);
    long made = Files.getLastModifiedTime(root.resolve("tools").resolve(PythonVenvs.MARKER)).toMillis();

    assertThat(PythonVenvs.ensure(root, "tools", List.of(cowsay))).isEqualTo(root.resolve("tools/bin/python"));
    assertThat(Files.getLastModifiedTime(root.resolve("tools").resolve(PythonVenvs.MARKER)).toMillis()).isEqualTo(made);

    PythonVenvs.ensure(root, "tools", List.of("cowsay==6.0"));
    assertThat(Files.readString(root.resolve("tools").resolve(PythonVenvs.MARKER))).isEqualTo("cowsay==6.0");
  }

  @Test
  void aPinThatDoesNotInstallFailsWithPipsWordsAndLeavesNoMarker() {
    assertThatThrownBy(() -> PythonVenvs.ensure(root, "broken", List.of("cowsay==0.0.0.0.1")))
        .isInstanceOf(IOException.class).hasMessageContaining("cowsay==0.0.0.0.1");
    assertThat(root.resolve("broken").resolve(PythonVenvs.MARKER)).doesNotExist();
  }
}
