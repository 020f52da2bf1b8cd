#!/usr/bin/env bash
# Compares the full extract pipeline (the `extract` bench: one thread over Reuters-21578) at a
# base revision and at the working tree, in one run on one machine: the two builds take turns,
# ROUNDS times each, and the medians and their ratio are printed.
#
# Usage: benches/compare-extract.sh [BASE_REV] [ROUNDS]     (default: HEAD~1, 3)
# TESSERA_BENCH_DOCS limits the number of articles; TESSERA_BENCH_REUTERS names the corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
base_rev=${1:-HEAD~1}
rounds=${2:-3}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/base" "$base_rev"
reuters=${TESSERA_BENCH_REUTERS:-$PWD/../shared/data/news/reuters21578.jsonl}
export TESSERA_BENCH_REUTERS=$reuters

bench_binary() { # DIR TARGET: builds the extract bench in DIR and prints its path
    (cd "$1" && CARGO_TARGET_DIR=$2 cargo bench -p tessera-engine --bench extract --no-run \
        --message-format=json 2>/dev/null) |
        sed -n 's/.*"executable":"\([^"]*extract-[^"]*\)".*/\1/p' | tail -1
}
echo "building the base ($base_rev) and the working tree..." >&2
base_bin=$(bench_binary "$work/base" "$work/target")
head_bin=$(bench_binary "$PWD" "$PWD/target")

tokens_per_second() { # BINARY: one run's single-thread wall figure (tokens/s)
    "$1" --bench 2>/dev/null | sed -n 's/.*wall .* → \([0-9]*\) tokens\/s.*/\1/p'
}
base=() head=()
for round in $(seq "$rounds"); do
    base+=("$(tokens_per_second "$base_bin")")
    head+=("$(tokens_per_second "$head_bin")")
    echo "round $round: base ${base[-1]} tokens/s, working tree ${head[-1]} tokens/s" >&2
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
b=$(median "${base[@]}") h=$(median "${head[@]}")
echo "extract, one thread: base $b tokens/s, working tree $h tokens/s, ratio $(awk -v h="$h" -v b="$b" 'BEGIN {printf "%.3f", h/b}')"
