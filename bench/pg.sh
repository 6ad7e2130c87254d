#!/usr/bin/env bash
# Loads LUBM(1) into PostgreSQL (Cayley's SQL backend) and into the
# embedded store, then times the 24 benchmark queries on both: in one
# process that has the store open (kgbench, median of RUNS) and as a whole
# `kg query` process (median of RUNS), printing the PostgreSQL/embedded
# ratios. Starts a throwaway server with .ci/start-postgres unless
# KG_BENCH_POSTGRES names a database (which it empties).
#
#   bench/pg.sh              (RUNS=5 for more repetitions)
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out/pg
mkdir -p "$out"
export RUNS=${RUNS:-3}
data=testdata/bench/lubm1.nt.gz
queries=(testdata/bench/queries/lubm/*.rq testdata/bench/queries/lubm-extra/*.rq)
pg=${KG_BENCH_POSTGRES:-$(.ci/start-postgres)}
go build -o "$out/kg" ./cmd/kg
go build -o "$out/kgbench" ./bench/kgbench

now() { date +%s.%N; }
ms() { echo "($2 - $1) * 1000" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

rm -rf "$out/store"
t0=$(now); "$out/kg" -q --store "$out/store" load "$data"; emb_load=$(ms "$t0" "$(now)")
# Replace through kg build would need seeds; load into an emptied database.
psql "$pg" -qc "DROP TABLE IF EXISTS quads, nodes CASCADE" >/dev/null
t0=$(now); "$out/kg" -q --store "$pg" load "$data"; pg_load=$(ms "$t0" "$(now)")

"$out/kgbench" "$out/store" "${queries[@]}" > "$out/emb.tsv"
"$out/kgbench" "$pg" "${queries[@]}" > "$out/pg.tsv"

# Whole processes: open, query, print.
proc() {
  for q in "${queries[@]}"; do
    for _ in $(seq "$RUNS"); do
      t0=$(now); "$out/kg" -q --store "$1" query --results tsv --query "$q" >/dev/null; ms "$t0" "$(now)"
    done | median | sed "s|^|$(basename "$q" .rq)\t|"
  done
}
proc "$out/store" > "$out/emb-proc.tsv"
proc "$pg" > "$out/pg-proc.tsv"

python3 - "$out" "$emb_load" "$pg_load" <<'PY'
import sys
out, emb_load, pg_load = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
def read(name, cols):
    rows = {}
    for line in open(f"{out}/{name}.tsv"):
        f = line.rstrip("\n").split("\t")
        rows[f[0]] = (float(f[1]), f[2] if cols == 3 else "")
    return rows
emb, pg = read("emb", 3), read("pg", 3)
embp, pgp = read("emb-proc", 2), read("pg-proc", 2)
r = lambda a, b: f"{a/b:.1f}" if b > 0 else "-"
print(f"{'':28} {'in process (ms)':>28}   {'whole kg query (ms)':>28}")
print(f"{'query':28} {'embedded':>9} {'postgres':>9} {'ratio':>8}   {'embedded':>9} {'postgres':>9} {'ratio':>8}  results")
print(f"{'load LUBM(1)':28} {emb_load:9.0f} {pg_load:9.0f} {r(pg_load, emb_load):>8}")
print(f"{'open':28} {emb['open'][0]:9.1f} {pg['open'][0]:9.1f} {r(pg['open'][0], emb['open'][0]):>8}")
over = 0
for q in emb:
    if q == "open":
        continue
    e, p, ep, pp = emb[q], pg[q], embp[q][0], pgp[q][0]
    flag = "" if e[1] == p[1] else "  MISMATCH"
    over += pp > 10 * ep
    print(f"{q:28} {e[0]:9.1f} {p[0]:9.1f} {r(p[0], e[0]):>8}   {ep:9.0f} {pp:9.0f} {r(pp, ep):>8}  {e[1]}/{p[1]}{flag}")
print(f"queries over 10x the embedded store as a whole kg query: {over} of {len(emb) - 1}")
PY
