// Validates STIX 2.1 bundles against the official OASIS JSON schemas with
// ajv, then checks what the schemas cannot: unique ids, and references that
// resolve inside the bundle.  Usage: node stix-validate.mjs SCHEMA_DIR NAME FILE
// Prints "ok NAME..." / "not ok NAME...: why" lines.
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const [schemaDir, name, file] = process.argv.slice(2);
// the schemas use escapes that are not valid in unicode-mode patterns
const ajv = new Ajv2020({ strict: false, allErrors: false, unicodeRegExp: false, logger: false });
addFormats(ajv);
function walk(dir) {
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) walk(p);
		else if (e.name.endsWith('.json')) ajv.addSchema(JSON.parse(fs.readFileSync(p, 'utf8')));
	}
}
walk(path.join(schemaDir, 'schemas'));
const base = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';
const bundle = JSON.parse(fs.readFileSync(file, 'utf8'));
// bundle.json lists the object types it accepts by $ref; at the pinned
// commit it omits some SDOs the specification defines (location, incident,
// grouping, note, opinion), and its custom-object branch cannot accept them
// either (they match both core and cyber-observable-core of its oneOf).
// Those objects are validated against their own schemas below; the bundle
// schema checks the envelope and every other object.
const bundleSchema = JSON.parse(fs.readFileSync(path.join(schemaDir, 'schemas/common/bundle.json'), 'utf8'));
const listed = new Set();
JSON.stringify(bundleSchema).replace(/"\$ref":"\.\.\/(?:sdos|sros|observables|common)\/([a-z0-9-]+)\.json"/g,
	(m, t) => { listed.add(t); return m; });
const unlisted = (bundle.objects || []).filter(o => !listed.has(o.type) &&
	fs.existsSync(path.join(schemaDir, 'schemas/sdos', o.type + '.json')));
const envelope = Object.assign({}, bundle);
if (bundle.objects) {
	envelope.objects = bundle.objects.filter(o => !unlisted.includes(o));
	if (!envelope.objects.length) delete envelope.objects;
}
const vb = ajv.getSchema(base + 'common/bundle.json');
const note = unlisted.length ? ` (${unlisted.length} ${[...new Set(unlisted.map(o => o.type))].join('/')} objects checked against their own schemas only)` : '';
if (vb(envelope)) console.log(`ok ${name}-schema${note}`);
else console.log(`not ok ${name}-schema: ${JSON.stringify(vb.errors.slice(0, 3))}`);
// each object against its own type's schema: clearer errors, and a check
// that the bundle's anyOf did not accept it as a custom object
const where = { relationship: 'sros/', sighting: 'sros/' };
let bad = [];
for (const o of bundle.objects || []) {
	const v = ajv.getSchema(base + (where[o.type] || 'sdos/') + o.type + '.json');
	if (!v) { bad.push(`${o.id}: no schema for type ${o.type}`); continue; }
	if (!v(o)) bad.push(`${o.id}: ${JSON.stringify(v.errors.slice(0, 2))}`);
}
console.log(bad.length ? `not ok ${name}-objects: ${bad.slice(0, 3).join('; ')}` : `ok ${name}-objects`);
const ids = new Set();
bad = [];
for (const o of bundle.objects || []) {
	if (ids.has(o.id)) bad.push(`duplicate id ${o.id}`);
	ids.add(o.id);
}
for (const o of bundle.objects || []) {
	for (const r of [o.source_ref, o.target_ref, ...(o.object_refs || [])])
		if (r !== undefined && !ids.has(r)) bad.push(`${o.id} refers to missing ${r}`);
}
console.log(bad.length ? `not ok ${name}-refs: ${bad.slice(0, 3).join('; ')}` : `ok ${name}-refs`);
