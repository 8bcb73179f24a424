#!/usr/bin/env bash
# Speed and memory of source-faker alone: users stream, COUNT users (default 1,000,000), output discarded.
# Usage: connectors/source-faker/bench/read.sh [COUNT]   (after ./mvnw package)
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-1000000}"
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
echo "{\"count\": $COUNT, \"seed\": 42, \"records_per_slice\": 10000}" > "$DIR/config.json"
java -jar target/source-faker.jar discover --config "$DIR/config.json" | python3 -c "
import sys, json
streams = json.loads(sys.stdin.readline())['catalog']['streams']
users = [s for s in streams if s['name'] == 'users']
json.dump({'streams': [{'stream': users[0], 'sync_mode': 'full_refresh', 'destination_sync_mode': 'overwrite'}]}, open('$DIR/catalog.json', 'w'))"
/usr/bin/time -f "%e %M" -o "$DIR/time" java -XX:+UseSerialGC -Xmx160m -jar target/source-faker.jar read \
  --config "$DIR/config.json" --catalog "$DIR/catalog.json" | wc -c > "$DIR/bytes"
read -r SECONDS_ RSS_KB < "$DIR/time"
awk -v n="$COUNT" -v s="$SECONDS_" -v b="$(cat "$DIR/bytes")" -v r="$RSS_KB" 'BEGIN {
  printf "RESULT name=source_faker rows=%d seconds=%.2f rows_per_s=%.0f mb_per_s=%.1f peak_rss_mb=%.0f\n", n, s, n / s, b / 1e6 / s, r / 1024 }'
