#!/usr/bin/env node
// Prints the brotli-compressed size of the app code a first visit downloads (wasm + js + css in dist/).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const files = readdirSync(dir).filter((f) => /\.(wasm|js|css)$/.test(f));
let raw = 0, br = 0;
for (const f of files) {
  const body = readFileSync(join(dir, f));
  const size = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  raw += body.length;
  br += size;
  console.log(`  ${f.padEnd(48)} ${(body.length / 1024).toFixed(1).padStart(8)} KiB  ${(size / 1024).toFixed(1).padStart(7)} KiB brotli`);
}
console.log(`app code (wasm + js + css): ${(raw / 1024).toFixed(1)} KiB, ${(br / 1024).toFixed(1)} KiB brotli`);
