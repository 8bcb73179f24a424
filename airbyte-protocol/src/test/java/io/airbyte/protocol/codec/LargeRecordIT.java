package io.airbyte.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A single 100 MB record is read and written back by the codec in a JVM limited to 256 MB of heap. */
class LargeRecordIT {

  @Test
  void aHundredMegabyteRecordRoundTripsWithA256MegabyteHeap(@TempDir Path dir) throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m",
        "-cp", classpath,
        LargeRecordRoundTrip.class.getName(), "100", dir.toString())
        .redirectErrorStream(true)
        .start();
    boolean finished = child.waitFor(180, TimeUnit.SECONDS);
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!finished) {
      child.destroyForcibly();
    }
    assertThat(finished).as("finished in time").isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output).contains("OK ");
    assertThat(new File(dir.toFile(), "out.jsonl").length()).isGreaterThan(100L * 1024 * 1024);
  }
}
