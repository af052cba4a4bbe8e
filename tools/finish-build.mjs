#!/usr/bin/env node
// Finishes Trunk's build before the content compiler reads the shell (Trunk.toml's post_build hook):
// - Minifies the JavaScript and CSS in place with esbuild (pinned in package.json): loader.js, early.js, the
//   stylesheet and wasm-bindgen's bindings ship without their comments and whitespace. Trunk's own `minify` would
//   also rewrite the HTML shell the compiler parses; this leaves the HTML alone except for the names and
//   `integrity` digests of the files it changed.
// - Takes out of each WASM module, and its JS bindings, the exports Leptos links in that the app never uses, and
//   optimizes the module again without them (tools/prune-wasm.mjs).
// - Names every file Trunk named by a hash (`main-0123456789abcdef.css`, `broadsheet-…_bg.wasm`) by a hash of the
//   bytes it now holds. Trunk hashes the sources, before wasm-opt and minifying: a new binaryen or esbuild would
//   otherwise serve new bytes under a name browsers cached as immutable, and their integrity check would then
//   refuse the cached copy for as long as it is kept.
// - Names `loader.js` (ours, which Trunk copies as it is) by its hash too, `loader-0123456789abcdef.js`, and puts
//   its digest on the shell's script tag: the script that checks every other file's digest is checked itself, and
//   it is cached as immutable like them instead of being asked for again on every page a reader opens.
//
//   node tools/finish-build.mjs STAGING_DIR
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { pruneWasm } from './prune-wasm.mjs';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node tools/finish-build.mjs STAGING_DIR');
  process.exit(2);
}

const digest = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
// Trunk writes its 64-bit hash without leading zeros: 15 digits now and then.
const hashed = /-[0-9a-f]{8,16}(_bg\.wasm|\.js|\.css)$/;
const LOADER = 'loader.js';
const contentHash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const contentName = (name, bytes) => (name === LOADER
  ? `loader-${contentHash(bytes)}.js`
  : name.replace(hashed, (_, ext) => `-${contentHash(bytes)}${ext}`));
// The syntax the sources use (optional chaining, `??`, `import.meta`): esbuild writes nothing newer.
const options = { js: { loader: 'js', target: 'es2020' }, css: { loader: 'css' } };

// wasm-opt's arguments for each binary, as index.html gives them to Trunk.
const rustLinks = [...readFileSync(new URL('../index.html', import.meta.url), 'utf8').matchAll(/<link\b[^>]*\brel="rust"[^>]*>/g)].map(([tag]) => {
  const attribute = (name) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
  return [attribute('data-bin'), [`-O${attribute('data-wasm-opt')}`, ...(attribute('data-wasm-opt-params') ?? '').split(/\s+/).filter(Boolean)]];
});
// Only for release builds: a debug build is not optimized by Trunk either.
const release = process.env.TRUNK_PROFILE !== 'debug';
for (const name of readdirSync(dir).filter((n) => release && n.endsWith('_bg.wasm'))) {
  const bin = name.replace(/(-[0-9a-f]{8,16})?_bg\.wasm$/, '');
  const optimize = new Map(rustLinks).get(bin);
  if (!optimize) throw new Error(`finish-build: index.html builds no binary named ${bin} (${name})`);
  console.log(`finish-build: pruned ${name}: ${pruneWasm(join(dir, name), join(dir, name.replace(/_bg\.wasm$/, '.js')), optimize)}`);
}

const renamed = new Map();
const digests = new Map();
for (const entry of readdirSync(dir, { withFileTypes: true })) {
  const kind = entry.name.split('.').pop();
  if (!entry.isFile() || !(options[kind] || kind === 'wasm')) continue;
  const path = join(dir, entry.name);
  let bytes = readFileSync(path);
  if (options[kind]) {
    // `format` is left unset, so a module stays a module (its exports kept) and a classic script stays classic.
    const { code } = transformSync(bytes.toString('utf8'), { ...options[kind], minify: true, legalComments: 'none', charset: 'utf8' });
    console.log(`finish-build: minified ${entry.name}, ${bytes.length} → ${Buffer.byteLength(code)} bytes`);
    bytes = Buffer.from(code);
    writeFileSync(path, bytes);
  }
  const name = contentName(entry.name, bytes);
  if (name !== entry.name) {
    renameSync(path, join(dir, name));
    renamed.set(entry.name, name);
    console.log(`finish-build: ${entry.name} is now ${name}`);
  }
  digests.set(name, digest(bytes));
}

// The shell names the renamed files (links, scripts, the loader's query string) and carries their digests.
const shell = join(dir, 'index.html');
let html = readFileSync(shell, 'utf8');
// Only in URLs, and only whole names (a URL's last path segment, a query value): the shell's comments keep the
// names they explain.
const rename = (name) => renamed.get(name) ?? name;
const fileName = (url) => url.split('?')[0].split('/').pop();
html = html.replace(/\b(href|src)="([^"]*)"/g, (_, attr, url) => {
  const [path, query] = url.split('?');
  const name = fileName(path);
  const renamedPath = path.slice(0, path.length - name.length) + rename(name);
  const renamedQuery = query?.split('&amp;').map((pair) => pair.replace(/=(.*)$/, (_, value) => `=${rename(value)}`)).join('&amp;');
  return `${attr}="${renamedPath}${renamedQuery === undefined ? '' : `?${renamedQuery}`}"`;
});
html = html.replace(/<(?:link|script)\b[^>]*>/g, (tag) => {
  const url = /\b(?:href|src)="([^"]*)"/.exec(tag)?.[1];
  const name = url && fileName(url);
  if (!digests.has(name)) return tag;
  if (/\bintegrity="/.test(tag)) return tag.replace(/\bintegrity="[^"]*"/, `integrity="${digests.get(name)}"`);
  // Trunk's tags carry a digest already; the loader's (Trunk.toml's `pattern_script`) gets one here.
  return name === renamed.get(LOADER) ? tag.replace(/>$/, ` integrity="${digests.get(name)}">`) : tag;
});
if (!renamed.has(LOADER) || !html.includes(`/${renamed.get(LOADER)}?`)) {
  console.error(`finish-build: the shell does not load ${LOADER} (Trunk.toml's pattern_script)`);
  process.exit(1);
}
writeFileSync(shell, html);
