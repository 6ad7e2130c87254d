#!/usr/bin/env bash
# Compares kg with Oxigraph and Virtuoso on LUBM(8), all three as SPARQL
# servers on this machine in one run, and prints a markdown report:
#
#   - load: kg load into a fresh store, Virtuoso's bulk loader (ld_dir,
#     rdf_loader_run, checkpoint) into a fresh database, Oxigraph's npm
#     package loading into its in-memory store; wall time and peak RSS,
#     all from the same uncompressed N-Triples file;
#   - start: from starting kg serve (and, restarted on its loaded
#     database, Virtuoso) to the first answered q01;
#   - the 24 queries (testdata/bench/queries/lubm and lubm-extra) over HTTP
#     with the same client (bench/httpbench: form POST, SPARQL JSON or
#     N-Triples, time to the last byte): per query one warm-up, then RUNS
#     timed runs, median; ROUNDS rounds taking the systems in turn; the
#     table shows the median of the round medians, kg/peer ratios and
#     their geometric means, and flags result counts that differ;
#   - concurrency: wrk with CLIENTS connections for DURATION on x01 (GROUP
#     BY, ORDER BY, LIMIT) as a GET, against each server;
#   - cold kg query: whole-process wall time and peak RSS (/usr/bin/time -v)
#     of kg query for q01, q03, q11 and q12 on the loaded store (median of 3;
#     the page cache is warm: nothing is dropped);
#   - with SCALE=K (e.g. 10), also K million triples from
#     ../shared/bench/scale.sh K: kg load and Oxigraph's load (time, peak
#     RSS), and one run of the 24 queries on each, comparing result counts.
#
#   KG_BENCH=DIR bench/compare.sh     (DIR holds lubm8.nt.gz and, for SCALE, scale.sh)
#   RUNS=5 ROUNDS=3 CLIENTS=64 DURATION=10s SCALE=0 OUT=bench/out/compare
#
# Oxigraph here is its npm package (the engine compiled to WebAssembly,
# in-memory store, one query at a time) behind bench/oxigraph-server.mjs, a
# small node HTTP wrapper; the Oxigraph server (RocksDB) needs crates.io.
# Virtuoso is Debian's virtuoso-opensource (7.2), run from a database and
# configuration of its own under bench/out/compare/virtuoso, with its
# result-row and time limits lifted and 64 HTTP threads. kg serve runs
# with limits raised to match (results, memory, timeout, queue).
# Installs the peers, wrk and GNU time when missing (apt-get, npm). Raw
# output and the report (report.md) stay in OUT (git-ignored). Everything shares the
# machine's CPUs with the load generator and with whatever else runs:
# compare ratios within one run, not numbers across runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bench_dir=${KG_BENCH:-/work/shared/bench}
data_gz="$bench_dir/lubm8.nt.gz"
if [ ! -f "$data_gz" ]; then
  echo "bench/compare.sh: $data_gz not found; set KG_BENCH to the directory holding lubm8.nt.gz" >&2
  exit 1
fi
runs=${RUNS:-5}
rounds=${ROUNDS:-3}
clients=${CLIENTS:-64}
duration=${DURATION:-10s}
scale=${SCALE:-0}
queries=(testdata/bench/queries/lubm/*.rq testdata/bench/queries/lubm-extra/*.rq)
x01=testdata/bench/queries/lubm-extra/x01-groupby-orderby-limit.rq
top=$(pwd)
out=${OUT:-bench/out/compare}
mkdir -p "$out"
out=$(cd "$out" && pwd)
log() { echo "== $*" >&2; }

# Tools and peers.
missing=()
command -v virtuoso-t >/dev/null || missing+=(virtuoso-opensource)
command -v wrk >/dev/null || missing+=(wrk)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  log "installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ! -d "$out/node_modules/oxigraph" ]; then
  npm install --prefix "$out" --silent --no-audit --no-fund oxigraph >/dev/null
fi
cp bench/oxigraph-server.mjs "$out/"
go build -o "$out/kg" ./cmd/kg
go build -o "$out/httpbench" ./bench/httpbench
kg="$out/kg"
hb="$out/httpbench"
plain="$out/lubm8.nt"
[ -f "$plain" ] || zcat "$data_gz" > "$plain"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
hwm() { awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
# timev FILE: wall seconds and peak RSS MiB from a /usr/bin/time -v report.
timev() {
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, a, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + a[i] }
    /Maximum resident set size/ { rss = $2 / 1024 }
    END { printf "%.3f %.0f\n", s, rss }' "$1"
}

pids=()
cleanup() {
  for p in "${pids[@]}"; do
    kill -INT "$p" 2>/dev/null || true
  done
  for p in "${pids[@]}"; do
    wait "$p" 2>/dev/null || true
  done
}
trap cleanup EXIT
stop() { # PID: ask it to stop and wait for it
  kill -INT "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

kg_port=$(free_port)
ox_port=$(free_port)
vt_http=$(free_port)
vt_sql=$(free_port)
kg_url="http://127.0.0.1:$kg_port/sparql"
ox_url="http://127.0.0.1:$ox_port/sparql"
vt_url="http://127.0.0.1:$vt_http/sparql"
vt_graph="http://lubm8/"
vt_param=(-param "default-graph-uri=$vt_graph")
kg_flags=(--max-results 100000000 --max-memory 16000000000 --timeout 10m --max-queued 1024)

# Virtuoso: a database of its own.
vt="$out/virtuoso"
rm -rf "$vt" && mkdir -p "$vt"
cat > "$vt/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $vt/virtuoso.db
ErrorLogFile       = $vt/virtuoso.log
LockFile           = $vt/virtuoso.lck
TransactionFile    = $vt/virtuoso.trx
xa_persistent_file = $vt/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase
[TempDatabase]
DatabaseFile       = $vt/virtuoso-temp.db
TransactionFile    = $vt/virtuoso-temp.trx
[Parameters]
ServerPort           = 127.0.0.1:$vt_sql
DisableUnixSocket    = 1
CheckpointInterval   = 0
DirsAllowed          = ., $out
NumberOfBuffers      = 170000
MaxDirtyBuffers      = 130000
MaxQueryMem          = 2G
ThreadsPerQuery      = $(nproc)
MaxClientConnections = 100
[HTTPServer]
ServerPort           = 127.0.0.1:$vt_http
ServerRoot           = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 100
ServerThreads        = 64
MaxKeepAlives        = 100
KeepAliveTimeout     = 120
EnabledGzipContent   = 0
[SPARQL]
ResultSetMaxRows           = 100000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime      = 0
EOF
vt_pid=""
vt_start() {
  virtuoso-t +configfile "$vt/virtuoso.ini" +foreground > "$vt/stdout.log" 2>&1 &
  vt_pid=$!
  pids+=("$vt_pid")
}
vt_wait_sql() {
  for _ in $(seq 600); do
    isql-vt "$vt_sql" dba dba exec="select 1;" >/dev/null 2>&1 && return 0
    kill -0 "$vt_pid" 2>/dev/null || { cat "$vt/virtuoso.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "virtuoso did not start; see $vt/virtuoso.log" >&2
  exit 1
}

report="$out/report.md"
: > "$out/loads.tsv"

# Loads.
log "kg load"
rm -rf "$out/store"
/usr/bin/time -v -o "$out/kg-load.time" "$kg" -q --store "$out/store" load --graph default "$plain"
echo -e "kg\t$(timev "$out/kg-load.time")" >> "$out/loads.tsv"

log "virtuoso bulk load"
vt_start
vt_wait_sql
t0=$(date +%s%N)
isql-vt "$vt_sql" dba dba exec="ld_dir('$out', 'lubm8.nt', '$vt_graph'); rdf_loader_run(); checkpoint;" > "$vt/load.log"
t1=$(date +%s%N)
state=$(isql-vt "$vt_sql" dba dba exec="select count(*) from DB.DBA.load_list where ll_state <> 2 or ll_error is not null;" | awk '/^[0-9]+$/ { print; exit }')
[ "$state" = 0 ] || { echo "virtuoso load failed; see $vt/load.log and DB.DBA.load_list" >&2; exit 1; }
echo -e "virtuoso\t$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }') $(hwm "$vt_pid")" >> "$out/loads.tsv"
# Virtuoso's start on its loaded database, to the first answer.
stop "$vt_pid"
t0=$(date +%s%N)
vt_start
vt_first=$("$hb" -first -since "$t0" -url "$vt_url" "${vt_param[@]}" testdata/bench/queries/lubm/q01.rq)

log "oxigraph load (npm, in memory) and serve"
node "$out/oxigraph-server.mjs" "$plain" "$ox_port" > "$out/oxigraph.log" 2>&1 &
ox_pid=$!
pids+=("$ox_pid")
ox_first=$("$hb" -first -within 10m -url "$ox_url" testdata/bench/queries/lubm/q01.rq)
ox_load=$(awk -F'\t' '$1 == "load" { printf "%.3f", $2 / 1000 }' "$out/oxigraph.log")
echo -e "oxigraph\t$ox_load $(hwm "$ox_pid")" >> "$out/loads.tsv"

log "kg serve"
t0=$(date +%s%N)
"$kg" --store "$out/store" serve --addr "127.0.0.1:$kg_port" "${kg_flags[@]}" > "$out/kg-serve.log" 2>&1 &
kg_pid=$!
pids+=("$kg_pid")
kg_first=$("$hb" -first -since "$t0" -url "$kg_url" testdata/bench/queries/lubm/q01.rq)
printf 'kg\t%s\nvirtuoso\t%s\noxigraph\t%s\n' "$kg_first" "$vt_first" "$ox_first" > "$out/first.tsv"

# The queries, the systems in turn each round.
failed=0
for r in $(seq "$rounds"); do
  log "round $r of $rounds: kg"
  "$hb" -url "$kg_url" -runs "$runs" "${queries[@]}" > "$out/kg.r$r.tsv" || failed=1
  log "round $r of $rounds: oxigraph"
  "$hb" -url "$ox_url" -runs "$runs" "${queries[@]}" > "$out/oxigraph.r$r.tsv" || failed=1
  log "round $r of $rounds: virtuoso"
  "$hb" -url "$vt_url" "${vt_param[@]}" -runs "$runs" "${queries[@]}" > "$out/virtuoso.r$r.tsv" || failed=1
done

# Concurrency: x01 as a GET under wrk.
: > "$out/wrk.tsv"
: > "$out/wrk.log"
x01q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(open(sys.argv[1]).read()))' "$x01")
wrk_run() { # system url
  log "wrk $1 x01 c=$clients $duration"
  local res
  res=$(wrk -t2 -c"$clients" -d"$duration" --timeout 60s -H "Accept: application/sparql-results+json" "$2")
  echo "== $1" >> "$out/wrk.log"
  echo "$res" >> "$out/wrk.log"
  echo "$res" | awk -v sys="$1" '
    /^Requests\/sec:/ { rps = $2 }
    / requests in / { n = $1 }
    /Non-2xx or 3xx responses:/ { bad = $5 }
    /Socket errors:/ { gsub(",", ""); bad += $4 + $6 + $8 + $10 }
    END { printf "%s\t%.1f\t%d\t%d\n", sys, rps, n, bad }' >> "$out/wrk.tsv"
}
wrk_run kg "$kg_url?query=$x01q"
wrk_run virtuoso "$vt_url?query=$x01q&default-graph-uri=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$vt_graph")"
wrk_run oxigraph "$ox_url?query=$x01q"

printf 'kg\t%s\nvirtuoso\t%s\noxigraph\t%s\n' "$(hwm "$kg_pid")" "$(hwm "$vt_pid")" "$(hwm "$ox_pid")" > "$out/serve-rss.tsv"
stop "$kg_pid"
stop "$ox_pid"
stop "$vt_pid"
pids=()

# Cold kg query: a new process each time, on the loaded store.
: > "$out/cold.tsv"
for q in q01 q03 q11 q12; do
  log "cold kg query $q"
  for i in 1 2 3; do
    /usr/bin/time -v -o "$out/cold-$q.$i.time" "$kg" -q --store "$out/store" query --results tsv \
      --query "testdata/bench/queries/lubm/$q.rq" > "$out/cold-$q.out"
    echo -e "$q\t$(timev "$out/cold-$q.$i.time")" >> "$out/cold.tsv"
  done
done

# Scale: K million triples.
: > "$out/scale.tsv"
if [ "$scale" -gt 0 ]; then
  big="$out/scale$scale.nt"
  log "scale.sh $scale > $big"
  [ -f "$big" ] || "$bench_dir/scale.sh" "$scale" > "$big"
  log "kg load, $scale M"
  rm -rf "$out/store-scale"
  /usr/bin/time -v -o "$out/kg-load-scale.time" "$kg" -q --store "$out/store-scale" load --graph default "$big"
  echo -e "kg-load\t$(timev "$out/kg-load-scale.time")" >> "$out/scale.tsv"
  "$kg" --store "$out/store-scale" serve --addr "127.0.0.1:$kg_port" "${kg_flags[@]}" > "$out/kg-serve-scale.log" 2>&1 &
  kg_pid=$!
  pids+=("$kg_pid")
  "$hb" -first -within 30m -url "$kg_url" testdata/bench/queries/lubm/q01.rq > /dev/null
  log "kg queries, $scale M, one run"
  "$hb" -url "$kg_url" -runs 1 -warmup 0 "${queries[@]}" > "$out/kg.scale.tsv" || failed=1
  stop "$kg_pid"
  pids=()
  log "oxigraph load, $scale M"
  /usr/bin/time -v -o "$out/ox-load-scale.time" node "$out/oxigraph-server.mjs" "$big" - > "$out/oxigraph-scale-load.log"
  echo -e "oxigraph-load\t$(awk -F'\t' '$1 == "load" { printf "%.3f", $2 / 1000 }' "$out/oxigraph-scale-load.log") $(timev "$out/ox-load-scale.time" | cut -d' ' -f2)" >> "$out/scale.tsv"
  node "$out/oxigraph-server.mjs" "$big" "$ox_port" > "$out/oxigraph-scale.log" 2>&1 &
  ox_pid=$!
  pids+=("$ox_pid")
  "$hb" -first -within 30m -url "$ox_url" testdata/bench/queries/lubm/q01.rq > /dev/null
  log "oxigraph queries, $scale M, one run"
  "$hb" -url "$ox_url" -runs 1 -warmup 0 "${queries[@]}" > "$out/oxigraph.scale.tsv" || failed=1
  stop "$ox_pid"
  pids=()
fi

# Versions and the machine.
{
  echo "date	$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpus	$(nproc)"
  echo "cpu	$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "memory	$(awk '/^MemTotal:/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "kg	$(git -C "$top" describe --always --dirty)"
  echo "virtuoso	$(dpkg-query -W -f '${Version}' virtuoso-opensource 2>/dev/null || echo '?')"
  echo "oxigraph	$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["version"])' "$out/node_modules/oxigraph/package.json")"
  echo "node	$(node --version)"
  echo "runs	$runs"
  echo "rounds	$rounds"
  echo "clients	$clients"
  echo "duration	$duration"
} > "$out/env.tsv"

python3 bench/compare-report.py "$out" | tee "$report"
exit $failed
