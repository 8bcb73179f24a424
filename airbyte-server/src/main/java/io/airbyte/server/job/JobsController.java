package io.airbyte.server.job;

import io.airbyte.contract.connection.ConnectionManagerWorkflow;
import io.airbyte.contract.job.JobStatus;
import io.airbyte.contract.job.JobType;
import io.airbyte.db.connection.ConnectionRepository;
import io.airbyte.db.job.Job;
import io.airbyte.db.job.JobRepository;
import io.airbyte.protocol.json.Jsons;
import io.airbyte.scheduler.reconcile.ConnectionWorkflows;
import io.airbyte.server.Page;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Jobs as Airbyte's public API has them: start one (sync, reset, refresh, clear), read, list, cancel. */
@RestController
@RequestMapping("/api/public/v1/jobs")
class JobsController {

  private final JobService jobs;

  JobsController(JobService jobs) {
    this.jobs = jobs;
  }

  @PostMapping
  JobResponse start(@RequestBody JobRequest request) throws InterruptedException {
    return jobs.start(request);
  }

  @GetMapping("/{jobId}")
  JobResponse get(@PathVariable long jobId) {
    return jobs.get(jobId);
  }

  @GetMapping
  Page<JobResponse> list(@RequestParam(required = false) UUID connectionId,
      @RequestParam(required = false) List<UUID> workspaceIds, @RequestParam(required = false) String status,
      @RequestParam(required = false) String jobType, @RequestParam(required = false) String createdAtStart,
      @RequestParam(required = false) String createdAtEnd, @RequestParam(required = false) String updatedAtStart,
      @RequestParam(required = false) String updatedAtEnd, @RequestParam(required = false) String orderBy,
      @RequestParam(defaultValue = "20") int limit, @RequestParam(defaultValue = "0") int offset) {
    Page.checkPaging(limit, offset);
    return Page.of(jobs.list(JobListQuery.parse(new JobListQuery.Raw(connectionId, workspaceIds, status, jobType,
        createdAtStart, createdAtEnd, updatedAtStart, updatedAtEnd, orderBy, limit, offset))), limit, offset);
  }

  @DeleteMapping("/{jobId}")
  JobResponse cancel(@PathVariable long jobId) throws InterruptedException {
    return jobs.cancel(jobId);
  }
}
