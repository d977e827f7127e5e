#!/bin/sh
# Import benchmark (issue 3): BIN... each import the same folder of generated reports into
# a fresh archive, in turn, ROUNDS times, so that builds are compared side by side on a
# machine whose speed drifts. Prints wall clock, CPU time and peak RSS of each run.
#
#   scripts/bench-import.sh ROUNDS BIN...      e.g. scripts/bench-import.sh 3 /tmp/before target/release/rapporteur
#
# Needs GNU time (apt-get install -y time) and the reports: REPORTS (default
# /tmp/bench/c10k) is written with `target/release/examples/gen_corpus /tmp/bench/c10k 10000`
# when it does not exist (cargo build --release -p ingest --example gen_corpus).
set -eu
rounds=$1
shift
root=$(cd "$(dirname "$0")/.." && pwd)
reports=${REPORTS:-/tmp/bench/c10k}
if [ ! -d "$reports" ]; then
    "$root/target/release/examples/gen_corpus" "$reports" 10000
fi
work=$(mktemp -d /tmp/rapporteur-bench-import.XXXXXX)
trap 'rm -rf "$work"' EXIT
round=1
while [ "$round" -le "$rounds" ]; do
    for bin in "$@"; do
        rm -rf "$work"/archive.db*
        printf '%s: ' "$bin"
        /usr/bin/time -f "%e s wall, %U user %S sys, %M KB" \
            "$bin" --db "$work/archive.db" import "$reports" 2>&1 >/dev/null | tail -n 1
    done
    round=$((round + 1))
done
