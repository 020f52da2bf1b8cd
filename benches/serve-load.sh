#!/usr/bin/env bash
# Load on `tessera serve` over loopback: a store of Reuters-21578 and the Spanish (Mexico)
# corpus (built once and kept under target/), a release server on a free port, then a bounded
# run of the `load` example (REQUESTS per path from CLIENTS keep-alive clients, at most SECONDS
# a path) against an events query, an entity profile and a few other reads. Prints requests/s
# and latency percentiles per path, the errors (the run fails on any), and the server's resident
# memory before and after, and its peak.
#
# Usage: benches/serve-load.sh [REQUESTS] [CLIENTS] [SECONDS]     (default: 2000 4 60)
# TESSERA_BENCH_NEWS names the folder holding the corpora (default ../shared/data/news).
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-2000}
clients=${2:-4}
seconds=${3:-60}
news=${TESSERA_BENCH_NEWS:-$PWD/../shared/data/news}
store=target/bench-serve/load.db

cargo build --release -q -p tessera-cli
cargo build --release -q -p tessera-serve --example load
tessera=target/release/tessera
if [ ! -s "$store" ]; then
    mkdir -p "$(dirname "$store")"
    echo "building the store (once): Reuters-21578 and the Spanish corpus..." >&2
    "$tessera" --db "$store" ingest "$news/reuters21578.jsonl" \
        "$news/spanish-news-mx.train.jsonl" "$news/spanish-news-mx.dev.jsonl" >&2 || [ $? -eq 3 ]
fi

log=$(mktemp)
"$tessera" --db "$store" serve --bind 127.0.0.1:0 >"$log" 2>/dev/null &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q listening "$log" && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$log")
[ -n "$url" ] || { echo "the server did not start" >&2; exit 1; }
rss() { awk -v k="$1" '$1 == k":" {print $2 / 1024 " MiB"}' "/proc/$server/status"; }
echo "server $url (pid $server), resident at start: $(rss VmRSS)"

# A profile of the entity in the most documents, and an events query of the commonest type.
top_entity=$(sqlite3 "$store" "SELECT 'E' || id FROM graph_entities ORDER BY documents DESC LIMIT 1" 2>/dev/null ||
    curl -s "$url/api/entities?q=u&limit=1" | sed -n 's/.*"id":"\(E[0-9]*\)".*/\1/p')
target/release/examples/load --url "$url" --requests "$requests" --clients "$clients" \
    --seconds "$seconds" \
    "/api/events?limit=100" \
    "/api/events?type=PROTEST&country=MX&limit=50" \
    "/api/entities/${top_entity:-E1}" \
    "/api/entities?q=mex&limit=20" \
    "/api/documents?q=oil%20prices&limit=20" \
    "/api/events/aggregate?by=admin1"
echo "resident after: $(rss VmRSS), peak: $(rss VmHWM)"
