#!/usr/bin/env python3
"""Where a platform job's time went, from the API's job and its first attempt's log.

usage: job_breakdown.py NAME JOB_JSON ATTEMPT_LOG
Prints one line:
  breakdown name=NAME records=typed-rows-v1|json requested_to_attempt_s=… checks_s=… checks=ran|skipped|one_skipped checks_to_replication_s=…
    to_connectors_started_s=… to_first_record_s=… to_first_message_to_destination_s=… to_last_state_committed_s=…
    last_state_to_succeeded_s=… total_s=…
Every figure after checks_to_replication_s counts from the replication's start ("Replication of connection"
in the log; the log's "Timeline:" line gives the moments after it). The job's startTime is when it was
requested, its lastUpdatedAt when it succeeded.
"""
import json
import re
import sys
from datetime import datetime, timezone

LINE = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) platform > \w+ (.*)$")


def instant(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc).timestamp()


def main():
    name, job = sys.argv[1], json.loads(sys.argv[2])
    lines = []
    with open(sys.argv[3], encoding="utf-8") as log:
        for raw in log:
            m = LINE.match(raw.rstrip("\n"))
            if m:
                at = datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S.%f").replace(tzinfo=timezone.utc).timestamp()
                lines.append((at, m.group(2)))
    if not lines:
        sys.exit("no platform line in " + sys.argv[3])

    def first(prefix):
        return next((at for at, text in lines if text.startswith(prefix)), None)

    requested, succeeded = instant(job["startTime"]), instant(job["lastUpdatedAt"])
    attempt = lines[0][0]
    checks = [(at, text) for at, text in lines if text.startswith("Check of the ")]
    check_ends = [at for at, _ in checks]
    skipped = sum(" skipped: " in text for _, text in checks)
    replication = first("Replication of connection")
    timeline = next((text for _, text in lines if text.startswith("Timeline: ")), None)
    if replication is None or timeline is None:
        sys.exit("the attempt log has no replication start or no timeline: " + sys.argv[3])
    moments = {m.group(1): float(m.group(2)) for m in re.finditer(r"([a-z][a-z ]*?) \+([\d.]+) s", timeline[len("Timeline: "):])}
    checks_end = max(check_ends) if check_ends else attempt
    started = max(moments.get("destination started", 0), moments.get("source started", 0))
    last_state = moments.get("last state committed", moments.get("end"))
    typed_rows = any(text.startswith("Records go as typed-rows-v1") for _, text in lines)
    figures = [
        ("records", "typed-rows-v1" if typed_rows else "json"),
        ("requested_to_attempt_s", attempt - requested),
        ("checks_s", checks_end - attempt),
        ("checks", "ran" if not skipped else "skipped" if skipped == len(checks) else "one_skipped"),
        ("checks_to_replication_s", replication - checks_end),
        ("to_connectors_started_s", started),
        ("to_first_record_s", moments.get("first record read")),
        ("to_first_message_to_destination_s", moments.get("first message to the destination")),
        ("to_last_state_committed_s", last_state),
        ("last_state_to_succeeded_s", succeeded - (replication + last_state)),
        ("total_s", succeeded - requested),
    ]
    out = ["breakdown", "name=" + name]
    for key, value in figures:
        if isinstance(value, str):
            out.append(f"{key}={value}")
        else:
            out.append(f"{key}={value:.2f}" if value is not None else f"{key}=none")
    print(" ".join(out))


if __name__ == "__main__":
    main()
