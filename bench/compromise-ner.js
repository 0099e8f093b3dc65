// The compromise NER peer for bench/extract.sh: people, places and
// organisations of a text file.  `json` prints the extraction contract
// (entities only; compromise finds no relations), `count` a number.
const fs = require('fs');
const nlp = require('compromise');
const [file, mode = 'json'] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const doc = nlp(text);
const kinds = [[doc.people(), 'person'], [doc.places(), 'location'], [doc.organizations(), 'organization']];
const seen = new Map();
for (const [m, type] of kinds) {
  for (let s of m.out('array')) {
    s = s.replace(/[.,;:'’"“”()]+$/u, '').replace(/^[("“']+/u, '').trim();
    if (s && !seen.has(s.toLowerCase())) seen.set(s.toLowerCase(), { id: `c${seen.size + 1}`, name: s, type });
  }
}
if (mode === 'count') console.log(seen.size);
else console.log(JSON.stringify({ entities: [...seen.values()], relations: [] }));
