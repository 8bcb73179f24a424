#!/usr/bin/env python3
"""Samples, every 0.1 s until SIGTERM, the connector processes a platform launches, and writes their peak RSS.

Usage: connector_rss.py OUT_FILE ROOT_PID JAR_NAME
Watches the processes in ROOT_PID's tree whose command line runs JAR_NAME (e.g. source-postgres.jar)
and, on SIGTERM, writes one line to OUT_FILE:
  peak_rss_mb=<the highest peak RSS (VmHWM) of one such process> processes=<how many were seen>
VmHWM is the kernel's own high-water mark of a process, so a sample misses nothing but the growth of
a process in its last 0.1 s.
"""
import os
import signal
import sys
import time


def tree(root):
    parents = {}
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                parents.setdefault(int(fields[1]), []).append(int(pid))
            except OSError:
                pass
    out, i = [root], 0
    while i < len(out):
        out.extend(parents.get(out[i], []))
        i += 1
    return out


def runs(pid, jar):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return any(os.path.basename(a.decode(errors="replace")) == jar for a in f.read().split(b"\0"))
    except OSError:
        return False


def hwm_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    out, root, jar = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    peaks = {}
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    while not stop:
        for pid in tree(root):
            if runs(pid, jar):
                peaks[pid] = max(peaks.get(pid, 0), hwm_kb(pid))
        time.sleep(0.1)
    with open(out, "w") as f:
        f.write(f"peak_rss_mb={max(peaks.values(), default=0) / 1024:.0f} processes={len(peaks)}\n")


if __name__ == "__main__":
    main()
