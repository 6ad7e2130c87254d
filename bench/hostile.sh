#!/usr/bin/env bash
# Hostile-input benchmark of kg serve: builds kg and the store from the
# seeds, then runs bench/hostile, which starts kg serve with its default
# limits, sends the hostile queries of issue 11 one after another while a
# well-behaved client queries it, and prints whether the server stayed up,
# its peak RSS, each hostile request's answer time against the deadline
# and the well-behaved client's latency, then commits ten graphs with kg load
# while it runs and reports its memory. HOSTILE_FLAGS="-together" sends the
# hostile requests all at once.
#
#   bench/hostile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
go build -o "$out/kg" ./cmd/kg
go build -o "$out/hostile" ./bench/hostile
store="$out/hostile-store"
rm -rf "$store"
"$out/kg" -q --store "$store" build
"$out/hostile" -kg "$out/kg" -store "$store" ${HOSTILE_FLAGS:-}
