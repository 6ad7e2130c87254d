// Loads an N-Triples file into Oxigraph's in-memory store and runs each
// query file given, printing "name<TAB>ms<TAB>results" lines (the median
// of RUNS runs) after a "load<TAB>ms<TAB>triples" line.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import oxigraph from "oxigraph";

const [data, ...queries] = process.argv.slice(2);
const runs = Number(process.env.RUNS || 3);
const store = new oxigraph.Store();
let t0 = performance.now();
store.load(readFileSync(data, "utf8"), { format: "application/n-triples" });
console.log(`load\t${(performance.now() - t0).toFixed(1)}\t${store.size}`);

for (const file of queries) {
  const text = readFileSync(file, "utf8");
  const times = [];
  let count = 0;
  for (let i = 0; i < runs; i++) {
    t0 = performance.now();
    const res = store.query(text);
    count = typeof res === "boolean" ? 1 : res.length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${basename(file, ".rq")}\t${times[Math.floor(runs / 2)].toFixed(1)}\t${count}`);
}
