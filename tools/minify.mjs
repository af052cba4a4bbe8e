#!/usr/bin/env node
// Minifies the build's JavaScript and CSS in place with esbuild (pinned in package.json), before the content
// compiler reads the shell (Trunk.toml's post_build hook): loader.js, theme.js, the stylesheet and wasm-bindgen's
// bindings ship without their comments and whitespace. Trunk's own `minify` would also rewrite the HTML shell the
// compiler parses; this leaves the HTML alone except for the `integrity` digests of the files it changed.
//
// File names stay as Trunk hashed them (from the source): the same source always minifies to the same bytes with
// the pinned esbuild, so a name still stands for one content and can be cached as immutable.
//
//   node tools/minify.mjs STAGING_DIR
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node tools/minify.mjs STAGING_DIR');
  process.exit(2);
}

const digest = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const loaders = { js: 'js', css: 'css' };

const changed = new Map();
for (const name of readdirSync(dir)) {
  const kind = name.split('.').pop();
  if (!loaders[kind]) continue;
  const path = join(dir, name);
  const source = readFileSync(path, 'utf8');
  // `format` is left unset, so a module stays a module (its exports kept) and a classic script stays classic.
  const { code } = transformSync(source, { loader: loaders[kind], minify: true, legalComments: 'none', charset: 'utf8' });
  writeFileSync(path, code);
  changed.set(name, digest(code));
  console.log(`minify: ${name} ${source.length} → ${code.length} bytes`);
}

// Every tag in the shell that names a changed file with an integrity digest gets the new digest.
const shell = join(dir, 'index.html');
let html = readFileSync(shell, 'utf8');
html = html.replace(/<(?:link|script)\b[^>]*>/g, (tag) => {
  const url = /\b(?:href|src)="([^"]*)"/.exec(tag)?.[1];
  const name = url?.split('?')[0].split('/').pop();
  if (!changed.has(name) || !/\bintegrity="/.test(tag)) return tag;
  return tag.replace(/\bintegrity="[^"]*"/, `integrity="${changed.get(name)}"`);
});
writeFileSync(shell, html);
