#!/usr/bin/env node
// The brotli-compressed size of the app code a first visit downloads: the WASM, its JS bindings, the stylesheet,
// the loader and early.js. The islands (the comments, loaded when they come near the screen) and embed.js (host
// pages only) are listed apart. With `--check` it fails when the first-load total or an island is over its budget
// in tools/size-budget.txt; the test command enforces them (docs/performance.md). bench/perf.mjs imports it.
//
//   node tools/size.mjs [DIST] [--check]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

/** Budgets in KiB by group ("first-load", "island-comments"), from tools/size-budget.txt. */
export function budgets() {
  return Object.fromEntries(
    readFileSync(new URL('./size-budget.txt', import.meta.url), 'utf8')
      .split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean)
      .map((l) => { const [name, kib] = l.split(/\s+/); return [name, Number(kib)]; }),
  );
}

const islandOf = (f) => /^broadsheet-([a-z]+)-[0-9a-f]+(_bg\.wasm|\.js)$/.exec(f)?.[1];
const firstLoad = (f) => !islandOf(f) && /^(broadsheet-.*\.(js|wasm)|main-.*\.css|early-.*\.js|loader-.*\.js)$/.test(f);

/** Every code file in `dir` with its raw and brotli size and its group (null: host pages only). */
export function codeFiles(dir) {
  return readdirSync(dir).filter((f) => /\.(wasm|js|css)$/.test(f)).map((name) => {
    const body = readFileSync(join(dir, name));
    const brotli = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    const group = firstLoad(name) ? 'first-load' : islandOf(name) ? `island-${islandOf(name)}` : null;
    return { name, raw: body.length, brotli, group };
  });
}

/** Brotli bytes by group. */
export function totals(dir) {
  const sums = {};
  for (const f of codeFiles(dir)) if (f.group) sums[f.group] = (sums[f.group] ?? 0) + f.brotli;
  return sums;
}

function main() {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
  const limits = budgets();
  for (const f of codeFiles(dir)) {
    const note = f.group === 'first-load' ? '' : f.group ? `  (${f.group}: loaded when needed)` : '  (host pages only)';
    console.log(`  ${f.name.padEnd(48)} ${(f.raw / 1024).toFixed(1).padStart(8)} KiB  ${(f.brotli / 1024).toFixed(1).padStart(7)} KiB brotli${note}`);
  }
  let over = false;
  for (const [group, bytes] of Object.entries(totals(dir))) {
    const kib = bytes / 1024;
    const budget = limits[group];
    const what = group === 'first-load' ? 'app code on first load (wasm + js + css + loader + early.js)' : `${group.replace('island-', '')} island (wasm + js)`;
    const verdict = budget === undefined ? 'no budget' : kib <= budget ? `${(budget - kib).toFixed(1)} KiB under` : `${(kib - budget).toFixed(1)} KiB OVER`;
    console.log(`${what}: ${kib.toFixed(1)} KiB brotli; budget ${budget ?? '-'} KiB (${verdict})`);
    if (budget === undefined || kib > budget) over = true;
  }
  if (args.includes('--check') && over) {
    console.error('size budget exceeded, or code without a budget in tools/size-budget.txt');
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
