package io.airbyte.server.job;

import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The config API's attempts of a job (failures, per-stream stats) and their logs, for the UI's job timeline. */
@RestController
@RequestMapping("/api/v1/jobs/{jobId}/attempts")
class AttemptsController {

  private final JobService jobs;

  AttemptsController(JobService jobs) {
    this.jobs = jobs;
  }

  @GetMapping
  List<AttemptView> attempts(@PathVariable long jobId) {
    return jobs.attempts(jobId);
  }

  /** The attempt's log, also while it runs; {@code ?download=true} serves it as a file. */
  @GetMapping(path = "/{attempt}/log", produces = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<String> log(@PathVariable long jobId, @PathVariable int attempt,
      @RequestParam(defaultValue = "false") boolean download) throws IOException {
    String log = jobs.log(jobId, attempt);
    var response = ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN);
    if (download) {
      response = response.header("Content-Disposition", "attachment; filename=\"job-" + jobId + "-attempt-" + attempt + ".log\"");
    }
    return response.body(log);
  }
}
