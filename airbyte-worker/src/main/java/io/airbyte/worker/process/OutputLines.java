package io.airbyte.worker.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a helper command of the worker (a Python interpreter, pip) to its end, its stdout and stderr
 * merged and handed over line by line as they come, so a long install shows its progress. The
 * command is an argument list, never a shell line. Interrupted (a cancelled attempt), it stops the
 * command and everything it started.
 */
final class OutputLines {

  private OutputLines() {}

  /** The exit code of {@code command}, each line of its output given to {@code lines} first. */
  static int run(List<String> command, Consumer<String> lines) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          lines.accept(line);
        }
      } catch (IOException e) {
        // the command is gone; its output with it
      }
    }, "output-" + Path.of(command.get(0)).getFileName());
    reader.setDaemon(true);
    reader.start();
    try {
      int exit = process.waitFor();
      reader.join();
      return exit;
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw e;
    }
  }
}
