#!/usr/bin/env bash
# Throughput of the protocol codec on bench_events-shaped RECORD messages, one thread.
# Usage: bench/protocol.sh [ROWS]   (default 1000000)
# Prints one line per case (read, read_write, read_passthrough, read_data_tree), then
#   RESULT name=protocol rows=<n> seconds=<s> rows_per_s=<r> mb_per_s=<m> peak_rss_mb=<p>
# for the read (parse) case.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-1000000}"
DATA="${BENCH_DATA_DIR:-${TMPDIR:-/tmp}/airbyte-bench}"
mkdir -p "$DATA"

./mvnw -q -B -pl bench -am package -DskipTests >/dev/null
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
# the heap is capped well below the file size: the codec streams, it never holds the file
exec java -Xmx256m -XX:+UseParallelGC -cp "$CP" io.airbyte.bench.ProtocolBenchmark "$ROWS" "$DATA/protocol-$ROWS.jsonl"
