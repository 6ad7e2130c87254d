#!/usr/bin/env bash
# Measures kg load and kg stats on LUBM(8) (1M triples) and on SCALE
# disjoint copies of it (../shared/bench/scale.sh; 10 copies: 10M
# triples): wall time and peak RSS (/usr/bin/time -v) of the kg built
# from this tree, of the kg built from BASE (another commit, for the
# ratio) and of Oxigraph's npm package loading into its in-memory store
# (bench/oxigraph-server.mjs, which reads the file in chunks, so that
# files over V8's string limit load too). Then it runs the 24 queries (testdata/bench/
# queries/lubm and lubm-extra) with kg query on each store this tree's kg
# loaded and against Oxigraph's endpoint over the same file (bench/
# httpbench), and compares result counts (solutions; CONSTRUCT: triples). Prints a markdown report, also kept in
# OUT/report.md; exits 1 when a count differs.
#
#   KG_BENCH=DIR bench/load.sh     (DIR holds lubm8.nt.gz and scale.sh)
#   BASE=main SCALE=10 OLD_SCALE=1 OXIGRAPH=1 OUT=bench/out/load
#
# OLD_SCALE=0 skips BASE's load of the SCALE copies (it holds them all in
# memory: about 9 GB for 10M); OXIGRAPH=0 skips Oxigraph (about 8 GB for
# 10M, and its queries take a while). Everything runs under nice, one
# process at a time; the machine's other load shows in the wall times,
# so compare ratios within one run.
set -euo pipefail
cd "$(dirname "$0")/.."
bench_dir=${KG_BENCH:-/work/shared/bench}
base=${BASE:-main}
scale=${SCALE:-10}
old_scale=${OLD_SCALE:-1}
oxigraph=${OXIGRAPH:-1}
out=${OUT:-bench/out/load}
queries=(testdata/bench/queries/lubm/*.rq testdata/bench/queries/lubm-extra/*.rq)
if [ ! -f "$bench_dir/lubm8.nt.gz" ]; then
  echo "bench/load.sh: $bench_dir/lubm8.nt.gz not found; set KG_BENCH" >&2
  exit 1
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
log() { echo "== $*" >&2; }
if [ ! -x /usr/bin/time ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get install -y -qq time >/dev/null
fi
if [ "$oxigraph" = 1 ] && [ ! -d "$out/node_modules/oxigraph" ]; then
  npm install --prefix "$out" --silent --no-audit --no-fund oxigraph >/dev/null
fi
cp bench/oxigraph-server.mjs "$out/"

# The two kgs: this tree's, and BASE's from a clean export of it.
log "building kg (this tree) and kg ($base)"
go build -o "$out/kg-new" ./cmd/kg
go build -o "$out/httpbench" ./bench/httpbench
rm -rf "$out/src-old" && mkdir -p "$out/src-old"
git archive "$base" | tar -x -C "$out/src-old"
(cd "$out/src-old" && go build -o "$out/kg-old" ./cmd/kg)
rm -rf "$out/src-old"

# Data.
data1="$out/lubm8.nt"
[ -f "$data1" ] || zcat "$bench_dir/lubm8.nt.gz" > "$data1"
datasets=("1M:$data1")
if [ "$scale" -gt 0 ]; then
  dataK="$out/lubm8x$scale.nt"
  [ -f "$dataK" ] || { log "writing $scale copies"; "$bench_dir/scale.sh" "$scale" > "$dataK"; }
  datasets+=("${scale}M:$dataK")
fi

# timev FILE: wall seconds and peak RSS MiB from a /usr/bin/time -v report.
timev() {
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, a, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + a[i] }
    /Maximum resident set size/ { rss = $2 / 1024 }
    END { printf "%.2f %.0f\n", s, rss }' "$1"
}
# measure NAME CMD...: runs CMD under nice and time -v; prints "secs MiB".
measure() {
  local name=$1; shift
  nice /usr/bin/time -v -o "$out/$name.time" "$@" > "$out/$name.out" 2> "$out/$name.err" || {
    echo "bench/load.sh: $name failed; see $out/$name.err" >&2; exit 1; }
  timev "$out/$name.time"
}
# counts KG STORE: one "query<TAB>count" line per query.
counts() {
  for q in "${queries[@]}"; do
    local name n
    name=$(basename "$q" .rq)
    if grep -qi '^ *construct' "$q"; then
      n=$(nice "$1" -q --store "$2" query --format nt --query "$q" | grep -c . || true)
    else
      n=$(( $(nice "$1" -q --store "$2" query --results tsv --query "$q" | wc -l) - 1 ))
    fi
    printf '%s\t%s\n' "${name%%-*}" "$n"
  done
}

# oxigraph_counts LABEL FILE: loads FILE into Oxigraph's endpoint, adds
# its load time (as it reports it) and peak RSS to the report and writes
# the result counts of the queries.
oxigraph_counts() {
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  nice /usr/bin/time -v -o "$out/oxigraph-$1.time" node "$out/oxigraph-server.mjs" "$2" "$port" > "$out/oxigraph-$1.out" 2>&1 &
  local time_pid=$!
  "$out/httpbench" -first -within 60m -url "http://127.0.0.1:$port/sparql" "${queries[0]}" > /dev/null
  local ms
  ms=$(awk -F'\t' '$1 == "load" { printf "%.2f", $2 / 1000 }' "$out/oxigraph-$1.out")
  "$out/httpbench" -url "http://127.0.0.1:$port/sparql" -runs 1 -warmup 0 "${queries[@]}" > "$out/oxigraph-$1.tsv" || true
  kill -INT "$(pgrep -P "$time_pid")" 2>/dev/null || true
  wait "$time_pid" 2>/dev/null || true
  echo "| $1 | Oxigraph load (npm, in memory) | $ms | $(timev "$out/oxigraph-$1.time" | cut -d' ' -f2) (with the queries) |" >> "$report"
  awk -F'\t' '{ split($1, a, "-"); print a[1] "\t" $3 }' "$out/oxigraph-$1.tsv" > "$out/counts-ox-$1.tsv"
}

report="$out/report.md"
{
  echo "# kg load: $(git rev-parse --short HEAD) against $base ($(git rev-parse --short "$base")), $(date -u +%Y-%m-%d)"
  echo
  echo "| data | system | wall s | peak RSS MiB |"
  echo "| --- | --- | ---: | ---: |"
} > "$report"
failed=0
for ds in "${datasets[@]}"; do
  label=${ds%%:*} file=${ds#*:}
  for who in new old; do
    if [ "$who" = old ] && [ "$label" != 1M ] && [ "$old_scale" != 1 ]; then continue; fi
    log "kg load ($who), $label"
    rm -rf "$out/store-$who-$label"
    r=$(measure "load-$who-$label" "$out/kg-$who" -q --store "$out/store-$who-$label" load --graph default "$file")
    echo "| $label | kg load ($([ $who = new ] && echo this tree || echo "$base")) | ${r% *} | ${r#* } |" >> "$report"
  done
  for who in new old; do
    [ -d "$out/store-new-$label" ] || continue
    log "kg stats ($who), $label"
    r=$(measure "stats-$who-$label" "$out/kg-$who" -q --store "$out/store-new-$label" stats)
    echo "| $label | kg stats ($([ $who = new ] && echo this tree || echo "$base")) | ${r% *} | ${r#* } |" >> "$report"
  done
  rm -rf "$out/store-old-$label"
  log "kg query, $label"
  counts "$out/kg-new" "$out/store-new-$label" > "$out/counts-kg-$label.tsv"
  if [ "$oxigraph" = 1 ]; then
    log "oxigraph load and queries, $label"
    oxigraph_counts "$label" "$file"
    if ! diff "$out/counts-kg-$label.tsv" "$out/counts-ox-$label.tsv" > "$out/counts-$label.diff"; then
      failed=1
    fi
  fi
done
{
  echo
  echo "Result counts of the 24 queries, kg on its loaded store$([ "$oxigraph" = 1 ] && echo " against Oxigraph"):"
  echo
  header="| query |" rule="| --- |"
  for ds in "${datasets[@]}"; do
    label=${ds%%:*}
    header+=" kg $label |" rule+=" ---: |"
    [ "$oxigraph" = 1 ] && header+=" Oxigraph $label |" rule+=" ---: |"
  done
  echo "$header"
  echo "$rule"
  files=()
  for ds in "${datasets[@]}"; do
    label=${ds%%:*}
    files+=("$out/counts-kg-$label.tsv")
    [ "$oxigraph" = 1 ] && files+=("$out/counts-ox-$label.tsv")
  done
  paste "${files[@]}" | awk -F'\t' '{ line = "| " $1 " |"; for (i = 2; i <= NF; i += 2) line = line " " $i " |"; print line }'
  echo
  [ "$failed" = 0 ] && echo "All counts agree." || echo "**Counts differ**: see $out/counts-*.diff."
} >> "$report"
cat "$report"
exit "$failed"
