// A SPARQL 1.1 Protocol endpoint over Oxigraph's npm package, for
// bench/compare.sh. The npm package is Oxigraph's query engine compiled to
// WebAssembly with an in-memory store (no RocksDB): this is not the
// Oxigraph server, only the nearest form of Oxigraph installable here.
// Node runs one query at a time.
//
//   node oxigraph-server.mjs FILE.nt PORT
//   node oxigraph-server.mjs FILE.nt -      (load, print the line below, exit)
//
// Loads FILE (N-Triples, read in chunks so that files over V8's string
// limit load too) into the default graph, prints
// "load<TAB>ms<TAB>triples" on stdout, then answers GET /sparql?query=
// and POST /sparql (form or application/sparql-query) on 127.0.0.1:PORT:
// SELECT and ASK as SPARQL JSON, CONSTRUCT and DESCRIBE as N-Triples.
import { openSync, readSync, closeSync } from "node:fs";
import { createServer } from "node:http";
import oxigraph from "oxigraph";

const [file, port] = process.argv.slice(2);

function* chunks(path) {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.allocUnsafe(16 << 20);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) return;
      yield Uint8Array.prototype.slice.call(buf, 0, n);
    }
  } finally {
    closeSync(fd);
  }
}

const store = new oxigraph.Store();
const t0 = performance.now();
store.load(chunks(file), { format: "application/n-triples", no_transaction: true });
console.log(`load\t${(performance.now() - t0).toFixed(1)}\t${store.size}`);
if (port === "-") process.exit(0);

function queryText(req, body) {
  const url = new URL(req.url, "http://localhost");
  if (req.method === "GET") return url.searchParams.get("query");
  const type = (req.headers["content-type"] || "").split(";")[0].trim();
  if (type === "application/sparql-query") return body;
  if (type === "application/x-www-form-urlencoded") return new URLSearchParams(body).get("query");
  return null;
}

// form is the query's first keyword after the prologue, upper-cased.
function form(text) {
  let s = text.replace(/^\s*#[^\n]*/gm, "");
  const prologue = /^\s*(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)/i;
  while (prologue.test(s)) s = s.replace(prologue, "");
  const m = /^\s*([A-Za-z]+)/.exec(s);
  return m ? m[1].toUpperCase() : "";
}

const server = createServer((req, res) => {
  const parts = [];
  req.on("data", (c) => parts.push(c));
  req.on("end", () => {
    const url = new URL(req.url, "http://localhost");
    const text = url.pathname === "/sparql" ? queryText(req, Buffer.concat(parts).toString("utf8")) : null;
    if (!text) {
      res.writeHead(400, { "content-type": "text/plain" }).end("no query\n");
      return;
    }
    const format = /^(CONSTRUCT|DESCRIBE)$/.test(form(text)) ? "application/n-triples" : "application/sparql-results+json";
    let out;
    try {
      out = store.query(text, { results_format: format });
    } catch (e) {
      res.writeHead(400, { "content-type": "text/plain" }).end(String(e) + "\n");
      return;
    }
    res.writeHead(200, { "content-type": format }).end(out);
  });
});
server.keepAliveTimeout = 120000;
server.listen(Number(port), "127.0.0.1");
