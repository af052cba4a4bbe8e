#!/usr/bin/env node
// The brotli-compressed size of the app code a first visit downloads: the WASM, its JS bindings, the stylesheet
// and loader.js (embed.js, for host pages, is listed apart). With `--check` it fails when that total is over the
// budget in tools/size-budget.txt (KiB), which the test command enforces (docs/performance.md).
//
//   node tools/size.mjs [DIST] [--check]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'dist';
const check = process.argv.includes('--check');
const budget = Number(readFileSync(new URL('./size-budget.txt', import.meta.url), 'utf8').trim());
const firstLoad = (f) => /^(broadsheet-.*\.(js|wasm)|main-.*\.css|theme-.*\.js|loader\.js)$/.test(f);
const files = readdirSync(dir).filter((f) => /\.(wasm|js|css)$/.test(f));
let raw = 0, br = 0;
for (const f of files) {
  const body = readFileSync(join(dir, f));
  const size = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  if (firstLoad(f)) {
    raw += body.length;
    br += size;
  }
  const note = firstLoad(f) ? '' : '  (host pages only)';
  console.log(`  ${f.padEnd(48)} ${(body.length / 1024).toFixed(1).padStart(8)} KiB  ${(size / 1024).toFixed(1).padStart(7)} KiB brotli${note}`);
}
const total = br / 1024;
console.log(`app code on first load (wasm + js + css + loader + theme): ${(raw / 1024).toFixed(1)} KiB, ${total.toFixed(1)} KiB brotli; budget ${budget} KiB (${total <= budget ? `${(budget - total).toFixed(1)} KiB under` : `${(total - budget).toFixed(1)} KiB OVER`})`);
if (check && total > budget) {
  console.error(`size budget exceeded: ${total.toFixed(1)} KiB > ${budget} KiB (tools/size-budget.txt)`);
  process.exit(1);
}
