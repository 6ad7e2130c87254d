#!/usr/bin/env bash
# Start-up of kg serve on LUBM(8) (1,001,716 triples), this working tree
# against a git ref (main by default): each kg loads the data into a fresh
# embedded store of its own, then, RUNS times, kg serve is started and
# timed from process start to
#   - the first answered q01 (testdata/bench/queries/lubm/q01.rq) over
#     HTTP, polled every 10 ms by bench/httpbench -first, with the peak
#     resident set size (VmHWM) right after that answer;
#   - the first answered front page (GET /, which needs what the pages
#     read from the whole graph), with VmHWM then;
# and the peak RSS of the whole run from /usr/bin/time -v. Prints a
# markdown table of the medians and the ratios ref/this.
#
#   bench/serve-start.sh [REF]     (RUNS=3; KG_BENCH=DIR holding lubm8.nt.gz)
#
# Needs GNU time (apt-get install time), curl and python3. Timings of a
# shared machine vary: compare the two binaries in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:-main}
runs=${RUNS:-3}
bench_dir=${KG_BENCH:-/work/shared/bench}
data_gz="$bench_dir/lubm8.nt.gz"
query=testdata/bench/queries/lubm/q01.rq
out=bench/out/serve-start
[ -x /usr/bin/time ] || { echo "bench/serve-start.sh: needs GNU time: apt-get install time" >&2; exit 1; }
[ -f "$data_gz" ] || { echo "bench/serve-start.sh: $data_gz not found; set KG_BENCH" >&2; exit 1; }
mkdir -p "$out"

log() { echo "== $*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
hwm() { awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

log "building this tree and $ref"
go build -o "$out/httpbench" ./bench/httpbench
go build -o "$out/kg-this" ./cmd/kg
label=$(printf %s "$ref" | tr -c 'A-Za-z0-9._-' '_')
src=$(mktemp -d)
trap 'rm -rf "$src"' EXIT
git archive "$ref" | tar -x -C "$src"
(cd "$src" && go build -o "$OLDPWD/$out/kg-$label" ./cmd/kg)

plain="$out/lubm8.nt"
[ -s "$plain" ] || zcat "$data_gz" > "$plain"

# run KG STORE N: one start of kg serve; appends a line of numbers to
# $out/runs-NAME.tsv.
run() {
  local kg=$1 store=$2 name=$3 port t0 tpid kpid first hwm_first front hwm_front rows
  port=$(free_port)
  t0=$(date +%s%N)
  /usr/bin/time -v -o "$out/time-$name.txt" nice "$kg" --store "$store" serve --addr "127.0.0.1:$port" \
    > "$out/serve-$name.log" 2>&1 &
  tpid=$!
  first=$("$out/httpbench" -first -since "$t0" -within 5m -url "http://127.0.0.1:$port/sparql" "$query")
  kpid=$(pgrep -P "$tpid") # nice execs kg
  hwm_first=$(hwm "$kpid")
  until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.01; done
  front=$(ms_since "$t0")
  hwm_front=$(hwm "$kpid")
  rows=$(curl -sf -H 'Accept: text/csv' --data-urlencode "query@$query" "http://127.0.0.1:$port/sparql" | tail -n +2 | wc -l)
  kill -INT "$kpid"
  wait "$tpid" || true
  local max
  max=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$out/time-$name.txt")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$first" "$hwm_first" "$front" "$hwm_front" "$max" "$rows" >> "$out/runs-${name%%.*}.tsv"
  log "$name: q01 ($rows rows) after $first ms, VmHWM $hwm_first MiB; front page after $front ms, VmHWM $hwm_front MiB; peak $max MiB"
}

for who in "$label" this; do
  kg="$out/kg-$who"
  log "kg load with kg-$who"
  rm -rf "$out/store-$who" "$out/runs-$who.tsv"
  nice "$kg" -q --store "$out/store-$who" load "$plain"
done
for r in $(seq "$runs"); do
  for who in "$label" this; do
    run "$out/kg-$who" "$out/store-$who" "$who.$r"
  done
done

col() { cut -f"$2" "$out/runs-$1.tsv" | median; }
table="$out/serve-start.md"
{
  echo "| kg serve on LUBM(8), median of $runs | $ref | this tree | $ref / this |"
  echo "| --- | ---: | ---: | ---: |"
  for c in "1 first q01 answered (ms)" "2 VmHWM at the first answer (MiB)" "3 front page answered (ms)" \
    "4 VmHWM at the front page (MiB)" "5 peak RSS of the run (MiB)"; do
    n=${c%% *}
    a=$(col "$label" "$n")
    b=$(col this "$n")
    echo "| ${c#* } | $a | $b | $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f×", a / b }') |"
  done
  echo "| q01 rows | $(col "$label" 6) | $(col this 6) | |"
} > "$table"
cat "$table"
