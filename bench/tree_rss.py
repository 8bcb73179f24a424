#!/usr/bin/env python3
"""Runs a command and samples the resident memory of its whole process tree from /proc every 0.1 s.

Usage: tree_rss.py OUT_FILE COMMAND [ARGS...]
Exits with the command's exit code; writes one line to OUT_FILE:
  peak_tree_rss_mb=<peak of the tree's summed RSS> peaks=<name>[x<processes>]:<peak of their summed RSS, MB>,...
(name: java:<jar or main class>, python:<script>, else the program; xN: at most N processes of that
name at once, e.g. source-faker's worker processes).
"""
import os
import subprocess
import sys
import time


def children():
    parents = {}
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                parents.setdefault(int(fields[1]), []).append(int(pid))
            except OSError:
                pass
    return parents


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def name(pid):
    """java:<jar or main class>, python:<script>, else the program's base name."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            argv = [a.decode(errors="replace") for a in f.read().split(b"\0") if a]
    except OSError:
        return None
    if not argv:
        return None
    program = os.path.basename(argv[0])
    if program == "java":
        rest = iter(argv[1:])
        for a in rest:
            if a == "-jar":
                return "java:" + os.path.basename(next(rest, "?"))
            if a in ("-cp", "-classpath", "--class-path"):
                next(rest, None)
            elif not a.startswith("-"):
                return "java:" + a.rsplit(".", 1)[-1]
        return "java"
    if program.startswith("python"):
        for a in argv[1:]:
            if not a.startswith("-"):
                return "python:" + os.path.basename(a)
    return program


def main():
    out, command = sys.argv[1], sys.argv[2:]
    process = subprocess.Popen(command)
    peak_total, peak_by_name, most_by_name = 0, {}, {}
    while process.poll() is None:
        tree, parents = [process.pid], children()
        i = 0
        while i < len(tree):
            tree.extend(parents.get(tree[i], []))
            i += 1
        total, by_name, count = 0, {}, {}
        for pid in tree:
            kb = rss_kb(pid)
            n = name(pid)  # read each time: a child execs after its fork
            if n is None:
                continue
            total += kb
            by_name[n] = by_name.get(n, 0) + kb
            count[n] = count.get(n, 0) + 1
        peak_total = max(peak_total, total)
        for n, kb in by_name.items():
            peak_by_name[n] = max(peak_by_name.get(n, 0), kb)
            most_by_name[n] = max(most_by_name.get(n, 0), count[n])
        time.sleep(0.1)
    detail = ",".join(f"{n}{'x' + str(most_by_name[n]) if most_by_name[n] > 1 else ''}:{kb / 1024:.0f}"
                      for n, kb in sorted(peak_by_name.items(), key=lambda x: -x[1]) if kb > 10240)
    with open(out, "w") as f:
        f.write(f"peak_tree_rss_mb={peak_total / 1024:.0f} peaks={detail}\n")
    sys.exit(process.returncode)


if __name__ == "__main__":
    main()
