#!/usr/bin/env bash
# Load test of kg serve: builds kg and the store from the seeds, starts the
# server on a free port, runs bench/serveload (a mix of entity pages as HTML
# and Turtle, /sparql GETs with real queries, and searches) at 1, 16 and 64
# concurrent clients, then wrk against one entity page and one /sparql GET
# for comparison when wrk is installed, and prints a markdown table with
# the server's peak resident set size.
#
#   bench/serve.sh            (DURATION=10s CLIENTS="1 16 64" WRK_THREADS=2)
#
# The load generators run on the same machine as the server and share its
# CPUs, so the numbers are a lower bound of what the server does alone.
# Exits non-zero if any request at any concurrency failed.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
duration=${DURATION:-10s}
clients=${CLIENTS:-1 16 64}
wrk_threads=${WRK_THREADS:-2}

go build -o "$out/kg" ./cmd/kg
go build -o "$out/serveload" ./bench/serveload

store="$out/serve-store"
rm -rf "$store"
"$out/kg" -q --store "$store" build

log="$out/serve.log"
"$out/kg" --store "$store" serve --addr 127.0.0.1:0 2> "$log" &
pid=$!
stop() {
  if kill -0 "$pid" 2>/dev/null; then
    kill -INT "$pid"
    wait "$pid" || echo "kg serve exited with status $?" >&2
  fi
}
trap stop EXIT

addr=""
for _ in $(seq 300); do
  addr=$(sed -n 's/.* at http:\/\/\([^/ ]*\)\/.*/\1/p' "$log")
  [ -n "$addr" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$addr" ] || { echo "kg serve did not start; see $log" >&2; exit 1; }
url="http://$addr/"
echo "== kg serve at $url (pid $pid), $(nproc) CPUs, $duration per run" >&2

table="$out/serve-table.md"
notes="$out/serve-notes.txt"
wrk_rows="$out/serve-wrk.md"
: > "$notes"; : > "$table.tmp"; : > "$wrk_rows"
failed=0
header=""
for c in $clients; do
  echo "== serveload c=$c" >&2
  "$out/serveload" -url "$url" -c "$c" -d "$duration" -warmup 2s -pid "$pid" $header \
    >> "$table.tmp" 2>> "$notes" || failed=1
  header="-no-header"
done

# wrk: one entity page as HTML, one /sparql GET (an aggregate over all
# typed resources) as SPARQL JSON, 64 connections.
wrk_row() { # label target accept
  local label=$1 target=$2 accept=$3 res
  res=$(wrk -t"$wrk_threads" -c64 -d"$duration" --latency -H "Accept: $accept" "$url$target")
  echo "$res" | awk -v label="$label" '
    function ms(v) {
      if (v ~ /us$/) return sprintf("%.2f", v / 1000)
      if (v ~ /ms$/) return sprintf("%.2f", v + 0)
      if (v ~ /s$/) return sprintf("%.1f", v * 1000)
      return v
    }
    function mib(v) {
      if (v ~ /GB$/) return sprintf("%.1f", v * 1024)
      if (v ~ /MB$/) return sprintf("%.1f", v + 0)
      if (v ~ /KB$/) return sprintf("%.1f", v / 1024)
      return sprintf("%.1f", v / 1048576)
    }
    /^    Latency/ { max = ms($4) }
    /^ +50%/ { p50 = ms($2) }
    /^ +90%/ { p90 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    / requests in / { n = $1; bytes = mib($5) }
    /^Requests\/sec:/ { rps = sprintf("%.0f", $2) }
    /Non-2xx or 3xx responses:/ { bad = $5 }
    /Socket errors:/ { gsub(",", ""); sock = $4 + $6 + $8 + $10 }
    END { printf "| %s | %d | %s | %s | %s | %s | %s | %d | %d | %s |\n", label, n, rps, p50, p90, p99, max, bad, sock, bytes
          if (bad + sock > 0) exit 3 }
  ' >> "$wrk_rows" || failed=1
  echo "$res" >> "$out/wrk.log"
}
if command -v wrk >/dev/null; then
  : > "$out/wrk.log"
  sparql=$(python3 -c 'import urllib.parse, sys; print(urllib.parse.quote(sys.argv[1]))' \
    'SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n)')
  echo "== wrk" >&2
  wrk_row "wrk c=64 | html /id/region-skane" "id/region-skane" "text/html"
  wrk_row "wrk c=64 | sparql GROUP BY" "sparql?query=$sparql" "application/sparql-results+json"
fi
hwm=$(awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status")
stop
trap - EXIT

echo
echo "kg serve, $(nproc) CPUs, $duration per run; closed loop, keep-alive; load generator on the same machine."
echo
cat "$table.tmp"
if [ -s "$wrk_rows" ]; then
  echo
  echo "| run | target | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | socket errors | MiB |"
  echo "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
  cat "$wrk_rows"
fi
echo
grep -h 'RSS' "$notes" || true
echo "server peak RSS (VmHWM) over the whole benchmark: $hwm MiB"
if [ "$failed" != 0 ]; then
  echo
  echo "FAILED requests:"
  grep -v 'RSS' "$notes" || true
  exit 1
fi
rm -f "$table.tmp"
