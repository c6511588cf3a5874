// structured-data.mjs checks the JSON-LD of published pages, without the
// network: node tools/structured-data.mjs FILE.html…
//
// The schema.org vocabulary comes from the pinned schema-dts typings (every
// type with every property it accepts, inherited ones included). Each
// page's JSON-LD is then
//   - checked here: every @type is a schema.org type and every property one
//     that type accepts;
//   - run through @adobe/structured-data-validator (schema.org and Google
//     rich results rules), fed the same vocabulary.
// It prints one JSON report on stdout: {pages, nodes, types, issues:[…]},
// each issue {file, severity, message, path}. The Go gate in
// internal/quality reads it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Validator from '@adobe/structured-data-validator';

const require = createRequire(import.meta.url);

// vocabulary reads schema-dts's schema.d.ts into Map(type → Set(property)).
function vocabulary() {
  const src = readFileSync(require.resolve('schema-dts/dist/schema.d.ts'), 'utf8');
  const ifaces = new Map(); // interface name → {ext: [], props: []}
  const typeOf = new Map(); // schema.org type → its leaf interface
  const head = /^(?:export )?interface (\w+)(?: extends ([^{]+))? \{$/;
  let cur = null;
  for (const line of src.split('\n')) {
    const h = line.match(head);
    if (h) {
      const ext = (h[2] || '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => /^\w+$/.test(s));
      cur = { ext, props: [] };
      ifaces.set(h[1], cur);
      continue;
    }
    if (!cur) continue;
    if (line === '}') {
      cur = null;
      continue;
    }
    const t = line.match(/^ {4}"@type": "([\w:]+)";/);
    if (t) {
      typeOf.set(t[1], cur);
      continue;
    }
    const p = line.match(/^ {4}"([A-Za-z][\w-]*)"\??:/);
    if (p) cur.props.push(p[1]);
  }
  const closure = (iface, seen = new Set()) => {
    for (const p of iface.props) seen.add(p);
    for (const e of iface.ext) {
      const x = ifaces.get(e);
      if (x) closure(x, seen);
    }
    return seen;
  };
  const vocab = new Map();
  for (const [type, iface] of typeOf) vocab.set(type, closure(iface));
  return vocab;
}

// asSchemaOrgJSON writes the vocabulary as the schema.org JSON-LD file the
// validator expects: classes, and properties with their domains.
function asSchemaOrgJSON(vocab) {
  const graph = [];
  const domains = new Map();
  for (const [type, props] of vocab) {
    graph.push({ '@id': 'schema:' + type, '@type': 'rdfs:Class' });
    for (const p of props) {
      if (!domains.has(p)) domains.set(p, []);
      domains.get(p).push({ '@id': 'schema:' + type });
    }
  }
  for (const [p, d] of domains) {
    graph.push({ '@id': 'schema:' + p, '@type': 'rdf:Property', 'schema:domainIncludes': d });
  }
  return { '@graph': graph };
}

// scripts returns the JSON-LD texts of a page.
function scripts(html) {
  const re = /<script type="?application\/ld\+json"?>([\s\S]*?)<\/script>/g;
  return [...html.matchAll(re)].map((m) => m[1]);
}

// check walks a node and reports unknown types and properties.
function check(node, vocab, path, report, seen) {
  if (Array.isArray(node)) {
    node.forEach((n, i) => check(n, vocab, `${path}[${i}]`, report, seen));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const type = node['@type'];
  let props = null;
  if (type !== undefined) {
    seen.add(type);
    props = vocab.get(type);
    if (!props) report('ERROR', `"${type}" is not a schema.org type`, path);
  }
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith('@')) {
      if (k === '@graph') check(v, vocab, `${path}.@graph`, report, seen);
      continue;
    }
    const name = k.replace(/-(input|output)$/, '');
    if (props && !props.has(name)) report('ERROR', `"${k}" is not a property of ${type}`, path);
    if (type === undefined) report('ERROR', `"${k}" on a node without @type`, path);
    check(v, vocab, `${path}.${k}`, report, seen);
  }
}

const vocab = vocabulary();
const validator = new Validator(asSchemaOrgJSON(vocab));
const out = { pages: 0, nodes: 0, types: [], issues: [] };
const types = new Set();
for (const file of process.argv.slice(2)) {
  out.pages++;
  const report = (severity, message, path) => out.issues.push({ file, severity, message, path });
  const found = scripts(readFileSync(file, 'utf8'));
  if (found.length === 0) report('ERROR', 'no JSON-LD', '');
  const wae = { jsonld: {} };
  for (const text of found) {
    let doc;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      report('ERROR', 'JSON-LD is not JSON: ' + e.message, '');
      continue;
    }
    if (doc['@context'] !== 'https://schema.org') report('ERROR', 'no @context https://schema.org', '');
    check(doc, vocab, '$', report, types);
    for (const node of doc['@graph'] || [doc]) {
      out.nodes++;
      const t = node['@type'];
      (wae.jsonld[t] ||= []).push({ '@context': doc['@context'], ...node });
    }
  }
  for (const issue of await validator.validate(wae)) {
    const path = (issue.path || []).map((p) => [p.type, p.property].filter(Boolean).join(' ')).join(' > ');
    report(issue.severity, issue.issueMessage, path);
  }
}
out.types = [...types].sort();
process.stdout.write(JSON.stringify(out));
