#!/usr/bin/env node
// Minifies the build's JavaScript and CSS in place with esbuild (pinned in package.json), before the content
// compiler reads the shell (Trunk.toml's post_build hook): loader.js, theme.js, the stylesheet and wasm-bindgen's
// bindings ship without their comments and whitespace. Trunk's own `minify` would also rewrite the HTML shell the
// compiler parses; this leaves the HTML alone except for the names and `integrity` digests of the files it changed.
//
// A file Trunk named by a hash of its source (`main-0123456789abcdef.css`) is renamed by a hash of the bytes it now
// holds, so a new esbuild, which may minify the same source differently, never serves new bytes under a name
// browsers cached as immutable.
//
//   node tools/minify.mjs STAGING_DIR
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node tools/minify.mjs STAGING_DIR');
  process.exit(2);
}

const digest = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const hashed = /-[0-9a-f]{16}(\.(?:js|css))$/;
// The syntax the sources use (optional chaining, `??`, `import.meta`): esbuild writes nothing newer.
const options = { js: { loader: 'js', target: 'es2020' }, css: { loader: 'css' } };

const renamed = new Map();
const digests = new Map();
for (const entry of readdirSync(dir, { withFileTypes: true })) {
  const kind = entry.name.split('.').pop();
  if (!entry.isFile() || !options[kind]) continue;
  const source = readFileSync(join(dir, entry.name), 'utf8');
  // `format` is left unset, so a module stays a module (its exports kept) and a classic script stays classic.
  const { code } = transformSync(source, { ...options[kind], minify: true, legalComments: 'none', charset: 'utf8' });
  const bytes = Buffer.from(code);
  const name = entry.name.replace(hashed, (_, ext) => `-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}${ext}`);
  writeFileSync(join(dir, entry.name), bytes);
  if (name !== entry.name) {
    renameSync(join(dir, entry.name), join(dir, name));
    renamed.set(entry.name, name);
  }
  digests.set(name, digest(bytes));
  console.log(`minify: ${entry.name} ${Buffer.byteLength(source)} → ${bytes.length} bytes${name !== entry.name ? `, now ${name}` : ''}`);
}

// The shell names the renamed files (links, scripts, the loader's query string) and carries their digests.
const shell = join(dir, 'index.html');
let html = readFileSync(shell, 'utf8');
for (const [from, to] of renamed) html = html.split(from).join(to);
html = html.replace(/<(?:link|script)\b[^>]*>/g, (tag) => {
  const url = /\b(?:href|src)="([^"]*)"/.exec(tag)?.[1];
  const name = url?.split('?')[0].split('/').pop();
  if (!digests.has(name) || !/\bintegrity="/.test(tag)) return tag;
  return tag.replace(/\bintegrity="[^"]*"/, `integrity="${digests.get(name)}"`);
});
writeFileSync(shell, html);
