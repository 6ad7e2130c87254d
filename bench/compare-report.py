#!/usr/bin/env python3
"""Turns the raw files bench/compare.sh leaves in its output directory into
a markdown report on stdout: the per-query table with kg/peer ratios and
geometric means, result-count mismatches, load, start, memory, concurrency,
cold kg query and (when run) the scale test.

    python3 bench/compare-report.py bench/out/compare
"""
import glob
import math
import os
import statistics
import sys

out = sys.argv[1]
systems = ["kg", "oxigraph", "virtuoso"]
label = {"kg": "kg", "oxigraph": "Oxigraph", "virtuoso": "Virtuoso"}


def rows(name):
    path = os.path.join(out, name)
    if not os.path.exists(path):
        return []
    return [line.rstrip("\n").split("\t") for line in open(path) if line.strip()]


env = dict(r[:2] for r in rows("env.tsv"))


def rounds(system):
    """query -> (list of round medians in ms, set of counts)"""
    res = {}
    for path in sorted(glob.glob(os.path.join(out, f"{system}.r*.tsv"))):
        for q, ms, n in (line.rstrip("\n").split("\t") for line in open(path) if line.strip()):
            times, counts = res.setdefault(q, ([], set()))
            if ms != "-":
                times.append(float(ms))
            counts.add(n)
    return res


data = {s: rounds(s) for s in systems}
queries = list(data["kg"]) or list(data["oxigraph"])


def med(xs):
    return statistics.median(xs) if xs else None


def fmt(ms):
    if ms is None:
        return "error"
    return f"{ms:.1f}" if ms < 100 else f"{ms:.0f}"


def ratio(a, b):
    return a / b if a and b else None


def geomean(xs):
    xs = [x for x in xs if x]
    return math.exp(sum(map(math.log, xs)) / len(xs)) if xs else None


def r2(x):
    return "-" if x is None else f"{x:.2f}"


print(f"### kg, Oxigraph and Virtuoso on LUBM(8), {env.get('date', '?')}")
print()
print(f"Machine: {env.get('cpus', '?')} CPUs ({env.get('cpu', '?')}), {env.get('memory', '?')} of memory, "
      "shared with other work while measuring (the numbers are noisy; compare the ratios within this run). "
      f"kg {env.get('kg', '?')}; Virtuoso {env.get('virtuoso', '?')} (Debian); "
      f"Oxigraph {env.get('oxigraph', '?')} (npm, WebAssembly, in-memory store, under node {env.get('node', '?')}, "
      "behind a small node HTTP wrapper, one query at a time). All three over HTTP on 127.0.0.1 with the same client.")
print()
print(f"Queries: milliseconds to the last byte of the answer; per query one warm-up and {env.get('runs', '?')} runs, "
      f"median; {env.get('rounds', '?')} rounds taking the systems in turn; the median of the round medians. "
      "Ratios below 1 mean kg is faster.")
print()
print("| query | results | kg | Oxigraph | Virtuoso | kg/Oxigraph | kg/Virtuoso |")
print("|---|--:|--:|--:|--:|--:|--:|")
ratios = {"oxigraph": [], "virtuoso": []}
faster = {"oxigraph": 0, "virtuoso": 0}
mismatches = []
spread = []
for q in queries:
    m = {s: med(data[s].get(q, ([], set()))[0]) for s in systems}
    counts = {s: data[s].get(q, ([], set()))[1] for s in systems}
    every = set().union(*counts.values())
    if len(every) != 1 or "ERROR" in every:
        mismatches.append(q)
        shown = " / ".join(f"{label[s]} {','.join(sorted(counts[s])) or '?'}" for s in systems)
        results = f"**differ**: {shown}"
    else:
        results = next(iter(every))
    kgt = data["kg"].get(q, ([], set()))[0]
    if len(kgt) > 1 and m["kg"] and m["kg"] >= 5:
        spread.append((max(kgt) - min(kgt)) / m["kg"])
    cells = []
    for s in ("oxigraph", "virtuoso"):
        x = ratio(m["kg"], m[s])
        ratios[s].append(x)
        if x is not None and x < 1:
            faster[s] += 1
        cells.append(r2(x))
    print(f"| {q} | {results} | {fmt(m['kg'])} | {fmt(m['oxigraph'])} | {fmt(m['virtuoso'])} | {cells[0]} | {cells[1]} |")
print(f"| **geometric mean** | | | | | **{r2(geomean(ratios['oxigraph']))}** | **{r2(geomean(ratios['virtuoso']))}** |")
print()
n = len(queries)
print(f"kg is faster than Oxigraph on {faster['oxigraph']} of {n} queries and than Virtuoso on {faster['virtuoso']} of {n}. ", end="")
print("Result counts agree on every query." if not mismatches else f"Result counts differ on: {', '.join(mismatches)}.")
if spread:
    print(f"On the queries where kg takes 5 ms or more, its round medians spread by "
          f"{100 * statistics.median(spread):.0f}% of their median (median over those queries), "
          f"{100 * max(spread):.0f}% at most.")
print()

loads = {r[0]: r[1].split() for r in rows("loads.tsv")}
first = {r[0]: float(r[1]) for r in rows("first.tsv")}
rss = {r[0]: r[1] for r in rows("serve-rss.tsv")}
wrk = {r[0]: r[1:] for r in rows("wrk.tsv")}


def cell(d, s, i=None, f=lambda v: v):
    try:
        v = d[s] if i is None else d[s][i]
        return f(v)
    except (KeyError, IndexError, ValueError):
        return "-"


print("| | kg | Oxigraph (npm, in memory) | Virtuoso |")
print("|---|--:|--:|--:|")
print("| load LUBM(8) (s) | " + " | ".join(cell(loads, s, 0, lambda v: f"{float(v):.1f}") for s in systems) + " |")
print("| kg load / peer | | " + " | ".join(cell(loads, s, 0, lambda v: f"{float(loads['kg'][0]) / float(v):.2f}") for s in ("oxigraph", "virtuoso")) + " |")
print("| load peak RSS (MiB) | " + " | ".join(cell(loads, s, 1) for s in systems) + " |")
print("| server start to first answer of q01 (ms) | " + " | ".join(
    cell(first, s, None, lambda v: f"{v:.0f}") if s != "oxigraph" else "(loads at start)" for s in systems) + " |")
print("| server peak RSS after the queries (MiB) | " + " | ".join(cell(rss, s) for s in systems) + " |")
c = env.get("clients", "?")
print(f"| x01, {c} clients, {env.get('duration', '?')} (req/s) | " + " | ".join(
    cell(wrk, s, 0, lambda v: f"{float(v):.0f}") + cell(wrk, s, 2, lambda v: "" if v == "0" else f" ({v} failed)") for s in systems) + " |")
print()
print("Load: kg load into a new store; Virtuoso's bulk loader (ld_dir, rdf_loader_run, checkpoint) into a new database, "
      "peak RSS read from the server process afterwards; Oxigraph's Store.load into memory. All from the same "
      "uncompressed N-Triples file with a warm page cache. Virtuoso's start is a restart on its loaded database. "
      "x01 under load is wrk (2 threads, 60 s request timeout) on the same machine, GET with the query in the URL; "
      "Oxigraph's wrapper answers one request at a time.")
print()

cold = {}
for q, v in rows("cold.tsv"):
    wall, peak = v.split()
    cold.setdefault(q, ([], []))
    cold[q][0].append(float(wall))
    cold[q][1].append(float(peak))
if cold:
    print("Cold `kg query` (a new process on the loaded store, page cache warm; median wall time and largest peak RSS of 3):")
    print()
    print("| query | wall (s) | peak RSS (MiB) |")
    print("|---|--:|--:|")
    for q, (walls, peaks) in cold.items():
        print(f"| {q} | {statistics.median(walls):.2f} | {max(peaks):.0f} |")
    print()

scale = {r[0]: r[1].split() for r in rows("scale.tsv")}
if scale:
    kgs = {r[0]: r[2] for r in rows("kg.scale.tsv")}
    oxs = {r[0]: r[2] for r in rows("oxigraph.scale.tsv")}
    differ = [q for q in kgs if kgs[q] != oxs.get(q) or kgs[q] == "ERROR"]
    print("| scale test | kg | Oxigraph (npm, in memory) |")
    print("|---|--:|--:|")
    print("| load (s) | " + " | ".join(cell(scale, s, 0, lambda v: f"{float(v):.1f}") for s in ("kg-load", "oxigraph-load")) + " |")
    print("| load peak RSS (MiB) | " + " | ".join(cell(scale, s, 1) for s in ("kg-load", "oxigraph-load")) + " |")
    print()
    print("24 queries on the scaled data, result counts: " +
          ("the same on kg and Oxigraph." if not differ else "differ on " + ", ".join(f"{q} (kg {kgs[q]}, Oxigraph {oxs.get(q, '?')})" for q in differ) + "."))
