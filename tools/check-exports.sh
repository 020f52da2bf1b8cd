#!/usr/bin/env bash
# Exports the fixture stories in every format and reads each file with its usual consumer
# (DuckDB, geojson and shapely, networkx, followthemoney), in a virtual environment under target/.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/consumers-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check duckdb networkx geojson shapely followthemoney
fi
cargo build --quiet --locked -p tessera-cli
tessera=target/debug/tessera
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$tessera" --quiet --db "$work/stories.db" ingest fixtures/stories --include 'a*.txt'
counts="{"
for pair in acled:events.csv geojson:events.geojson graphml:network.graphml gexf:network.gexf ftm:entities.ftm.json parquet:parquet; do
    format=${pair%%:*}
    file=${pair#*:}
    "$tessera" --db "$work/stories.db" export "$format" -o "$work/$file" 2> "$work/$format.log"
    # "exported N event clusters, M entities, K edges as FORMAT ..."
    read -r clusters entities edges < <(sed -E 's/^exported ([0-9]+) event clusters, ([0-9]+) entities, ([0-9]+) edges.*/\1 \2 \3/' "$work/$format.log")
    counts+="\"$format\": {\"clusters\": $clusters, \"entities\": $entities, \"edges\": $edges},"
done
echo "${counts%,}}" > "$work/counts.json"
"$venv/bin/python" tools/check_exports.py "$work"
