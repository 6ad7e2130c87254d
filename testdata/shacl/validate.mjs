// Validates an RDF graph against SHACL shapes with rdf-validate-shacl, a
// maintained SHACL engine kg did not write, and prints the validation
// results as one JSON object on stdout:
//
//   node validate.mjs DATA.ttl SHAPES.ttl...
//
// The npm packages rdf-validate-shacl and n3 are loaded from the
// node_modules directory named by KG_SHACL_MODULES.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const modules = process.env.KG_SHACL_MODULES;
if (!modules) {
  console.error('KG_SHACL_MODULES is not set');
  process.exit(2);
}
const require = createRequire(join(modules, '..', 'package.json'));
const load = async (name) => import(pathToFileURL(require.resolve(name)).href);
const N3 = await load('n3');
const SHACLValidator = (await load('rdf-validate-shacl')).default;

function parse(path) {
  const parser = new N3.Parser({ baseIRI: pathToFileURL(path).href });
  return parser.parse(readFileSync(path, 'utf8'));
}

const [data, ...shapeFiles] = process.argv.slice(2);
if (!data || shapeFiles.length === 0) {
  console.error('usage: node validate.mjs DATA.ttl SHAPES.ttl...');
  process.exit(2);
}
const shapes = shapeFiles.flatMap(parse);
const validator = new SHACLValidator(shapes);
const report = await validator.validate(validator.factory.dataset(parse(data)));
const value = (t) => (t ? t.value : '');
const results = report.results.map((r) => ({
  focus: value(r.focusNode),
  path: value(r.path),
  value: value(r.value),
  severity: value(r.severity),
  constraint: value(r.sourceConstraintComponent),
  shape: value(r.sourceShape),
  message: r.message.map((m) => m.value),
}));
console.log(JSON.stringify({ conforms: report.conforms, results }));
