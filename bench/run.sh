#!/usr/bin/env bash
# Loads LUBM into the kg store and runs the 24 benchmark queries with kg,
# Oxigraph (npm package, in-memory store) and Apache Jena (Debian's
# libapache-jena-java, in-memory dataset) in the same run, printing per-query
# median times, result counts and the kg/peer ratios.
#
#   KG_BENCH=DIR bench/run.sh [lubm8]   (RUNS=5 for more repetitions)
#   bench/run.sh lubm1                  (the vendored 100k slice)
#
# Needs node/npm and a JDK; installs the peers when they are missing.
# This measures the engines in process; bench/compare.sh measures kg serve
# against Oxigraph and Virtuoso as servers over HTTP, with load, start,
# memory and concurrency figures.
set -euo pipefail
cd "$(dirname "$0")/.."
dataset=${1:-lubm8}
# lubm1 and the queries are vendored in testdata/bench; lubm8 is not (see
# testdata/bench/README.md): KG_BENCH names a directory that holds it.
data_gz="${KG_BENCH:-testdata/bench}/$dataset.nt.gz"
queries=(testdata/bench/queries/lubm/*.rq testdata/bench/queries/lubm-extra/*.rq)
if [ ! -f "$data_gz" ]; then
  echo "bench/run.sh: $data_gz not found; set KG_BENCH to the directory holding $dataset.nt.gz" >&2
  exit 1
fi
out=bench/out
mkdir -p "$out"
export RUNS=${RUNS:-3}

# Peers.
if [ ! -d "$out/node_modules/oxigraph" ]; then
  (cd "$out" && npm install --silent --no-audit --no-fund oxigraph >/dev/null)
fi
if [ ! -f /usr/share/java/jena-arq.jar ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get install -y -qq libapache-jena-java >/dev/null
fi
# Debian's Jena looks for its relocated Xerces message files under a
# package path the jar does not use; put a copy where it looks.
if [ ! -d "$out/jena-res/xerces" ]; then
  rm -rf "$out/jena-res" && mkdir -p "$out/jena-res"
  (cd "$out/jena-res" && unzip -q -o /usr/share/java/jena-core.jar 'org/apache/jena/ext/xerces/*' -x '*.class' && mv org/apache/jena/ext/xerces . && rm -rf org)
fi
javac -nowarn -cp '/usr/share/java/*' -d "$out" bench/JenaBench.java 2>/dev/null
cp bench/oxigraph.mjs "$out/"
go build -o "$out/kg" ./cmd/kg
go build -o "$out/kgbench" ./bench/kgbench

plain="$out/$dataset.nt"
[ -f "$plain" ] || zcat "$data_gz" > "$plain"

echo "== load ($dataset)" >&2
rm -rf "$out/store"
t0=$(date +%s.%N)
"$out/kg" -q --store "$out/store" load --graph default "$data_gz"
kg_load=$(echo "($(date +%s.%N) - $t0) * 1000" | bc)

echo "== kg" >&2
"$out/kgbench" "$out/store" "${queries[@]}" > "$out/kg.tsv"
echo "== oxigraph" >&2
(cd "$out" && node oxigraph.mjs "$dataset.nt" "${queries[@]}") > "$out/oxigraph.tsv"
echo "== jena" >&2
java -Xmx8g -cp "$out:$out/jena-res:/usr/share/java/*" JenaBench "$plain" "${queries[@]}" 2>/dev/null > "$out/jena.tsv"

python3 - "$out" "$kg_load" <<'PY'
import sys
out, kg_load = sys.argv[1], float(sys.argv[2])
def read(name):
    rows = {}
    for line in open(f"{out}/{name}.tsv"):
        k, ms, n = line.rstrip("\n").split("\t")
        rows[k] = (float(ms), n)
    return rows
kg, ox, jena = read("kg"), read("oxigraph"), read("jena")
print(f"{'query':28} {'kg ms':>9} {'oxigraph':>9} {'jena':>9} {'kg/ox':>7} {'kg/jena':>8}  results (kg/ox/jena)")
def ratio(a, b):
    return f"{a/b:.2f}" if b > 0 else "-"
print(f"{'load (kg store vs in-memory)':28} {kg_load:9.0f} {ox['load'][0]:9.0f} {jena['load'][0]:9.0f} {ratio(kg_load, ox['load'][0]):>7} {ratio(kg_load, jena['load'][0]):>8}")
print(f"{'  kg open+index':28} {kg['open'][0]:9.0f}")
worse = 0
for q in kg:
    if q == "open":
        continue
    k, o, j = kg[q], ox.get(q, (0, "?")), jena.get(q, (0, "?"))
    flag = "" if k[1] == o[1] == j[1] else "  MISMATCH"
    if k[0] > o[0]:
        worse += 1
    print(f"{q:28} {k[0]:9.1f} {o[0]:9.1f} {j[0]:9.1f} {ratio(k[0], o[0]):>7} {ratio(k[0], j[0]):>8}  {k[1]}/{o[1]}/{j[1]}{flag}")
print(f"queries slower than oxigraph: {worse} of {len(kg) - 1}")
PY
