package io.airbyte.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the standalone platform keeps a job's attempts in its home: {@code workspace/<job>/<attempt>/}. */
final class AttemptFiles {

  private AttemptFiles() {}

  static Path job(Path home, long jobId) {
    return home.resolve("workspace").resolve(Long.toString(jobId));
  }

  static Path attempt(Path home, long jobId, int attempt) {
    return job(home, jobId).resolve(Integer.toString(attempt));
  }

  /** The attempt's log file (it may not exist yet). */
  static Path log(Path home, long jobId, int attempt) {
    return attempt(home, jobId, attempt).resolve("logs.log");
  }

  static String logText(Path home, long jobId, int attempt) throws IOException {
    return Files.readString(log(home, jobId, attempt));
  }
}
