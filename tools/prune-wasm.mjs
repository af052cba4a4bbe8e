// Takes out of a built WASM module, and out of its wasm-bindgen JS, what Leptos links in but the app never uses:
// - the exports of wasm-streams (`IntoUnderlyingSource`, `…Sink`, `…ByteSource`), which leptos 0.8 always pulls in
//   through server_fn's `browser` feature. A `#[wasm_bindgen]` export is kept alive with all it calls, and its JS
//   class with it, whether or not anything constructs one.
// - wasm-split's marker export and custom section. The marker's name is a hash of the path of the crate that
//   declares it, under the cargo home, so the same source built under another home was different bytes (and a
//   different brotli size, which the size budget checks).
// Then wasm-opt runs again (the npm binaryen the build pins), now free to drop the code only those exports reached,
// and the JS loses the classes and the imports the module no longer asks for. Every `wasm.name` the JS still uses is
// checked to be an export of the module: a wasm-bindgen that writes its JS differently fails the build here rather
// than the app in a browser. Last, the imports get short names in both files (`shortImports`).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DEAD_EXPORT = /^(?:_WASM_SPLIT_MARKER_\w*|(?:__wbg_)?intounderlying\w*)$/;
const DEAD_CUSTOM_SECTION = '__wasm_split_unstable';
const DEAD_CLASS = /^IntoUnderlying\w*$/;
const WASM_OPT = fileURLToPath(new URL('../node_modules/binaryen/bin/wasm-opt', import.meta.url));

function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function unsignedLeb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

function readName(bytes, at) {
  const [length, start] = leb(bytes, at);
  return [bytes.subarray(start, start + length).toString('utf8'), start + length];
}

/** The module's sections as `{ id, name (custom sections), start, body, end }`. */
function sections(bytes) {
  const found = [];
  let at = 8;
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    const [length, body] = leb(bytes, at);
    found.push({ id, name: id === 0 ? readName(bytes, body)[0] : null, start, body, end: body + length });
    at = body + length;
  }
  return found;
}

/** The import section's entries: module, name, and where the entry and its name start and end. */
function importEntries(bytes) {
  const section = sections(bytes).find((s) => s.id === 2);
  if (!section) return [];
  let [count, at] = leb(bytes, section.body);
  const entries = [];
  for (; count > 0; count--) {
    const start = at;
    let module;
    let name;
    [module, at] = readName(bytes, at);
    const nameStart = at;
    [name, at] = readName(bytes, at);
    const nameEnd = at;
    const type = bytes[at++];
    // Function: a type index; table: type and limits; memory: limits; global: type and mutability.
    if (type === 0) [, at] = leb(bytes, at);
    else if (type === 1) { at += 1; const flags = bytes[at++]; [, at] = leb(bytes, at); if (flags & 1) [, at] = leb(bytes, at); }
    else if (type === 2) { const flags = bytes[at++]; [, at] = leb(bytes, at); if (flags & 1) [, at] = leb(bytes, at); }
    else if (type === 3) at += 2;
    else throw new Error(`import ${module}.${name} of unknown kind ${type}`);
    entries.push({ module, name, start, nameStart, nameEnd, end: at });
  }
  // An import of a shape not read right above (a newer reference type, a memory of custom page size) would leave the
  // entries misread: the build stops rather than write a broken module.
  if (at !== section.end) throw new Error(`the import section was not read to its end (${at} of ${section.end})`);
  return entries;
}

/** Export names, or (`kind` 'import') import names (without their module). */
function entryNames(bytes, kind) {
  if (kind === 'import') return importEntries(bytes).map((e) => e.name);
  const section = sections(bytes).find((s) => s.id === 7);
  if (!section) return [];
  let [count, at] = leb(bytes, section.body);
  const names = [];
  for (; count > 0; count--) {
    let name;
    [name, at] = readName(bytes, at);
    [, at] = leb(bytes, at + 1);
    names.push(name);
  }
  return names;
}

/** The module without the dead exports and custom section; the names of the exports dropped. */
function withoutDeadExports(bytes) {
  const parts = [bytes.subarray(0, 8)];
  const dropped = [];
  for (const section of sections(bytes)) {
    if (section.id === 0 && section.name === DEAD_CUSTOM_SECTION) continue;
    if (section.id !== 7) {
      parts.push(bytes.subarray(section.start, section.end));
      continue;
    }
    let [count, at] = leb(bytes, section.body);
    const kept = [];
    for (; count > 0; count--) {
      const entry = at;
      let name;
      [name, at] = readName(bytes, at);
      [, at] = leb(bytes, at + 1);
      if (DEAD_EXPORT.test(name)) dropped.push(name);
      else kept.push(bytes.subarray(entry, at));
    }
    const body = Buffer.concat([unsignedLeb(kept.length), ...kept]);
    parts.push(Buffer.from([7]), unsignedLeb(body.length), body);
  }
  return [Buffer.concat(parts), dropped];
}

/** The JS without the classes of the dropped exports and without import functions the module no longer imports. */
function prunedBindings(js, imports) {
  let out = js;
  // `export class IntoUnderlyingSink { … }` up to its closing brace at the start of a line, the line giving it
  // `Symbol.dispose`, and its `…Finalization` registry (three lines).
  out = out.replace(/^export class (\w+) \{\n[\s\S]*?^\}\n(?:if \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n)?/gm,
    (whole, name) => (DEAD_CLASS.test(name) ? '' : whole));
  out = out.replace(/^const (\w+)Finalization = \(typeof FinalizationRegistry === 'undefined'\)\n.*\n.*\n/gm,
    (whole, name) => (DEAD_CLASS.test(name) ? '' : whole));
  // The import object's entries: `        __wbg_name_hash: function(…) {` to the first line at the same depth that
  // closes it (`        },` or `        }, arguments); },`); the lines inside are indented deeper.
  out = out.replace(/^ {8}(__wbg_\w+|__wbindgen_\w+): function[^\n]*\n(?: {9}[^\n]*\n)*? {8}\}[^\n]*\n/gm,
    (whole, name) => (imports.has(name) ? whole : ''));
  return out;
}

/** Short, distinct JS property names: a … Z, then aa, ab, … (leaving out do, if and in, though keys may be keywords). */
function* shortNames() {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (let length = 1; ; length++) {
    for (let i = 0; i < letters.length ** length; i++) {
      let name = '';
      for (let n = i, k = 0; k < length; k++, n = Math.floor(n / letters.length)) name = letters[n % letters.length] + name;
      if (!['do', 'if', 'in'].includes(name)) yield name;
    }
  }
}

/** The module with its imports renamed as `names` (old name → new) says. */
function withRenamedImports(bytes, names) {
  const parts = [bytes.subarray(0, 8)];
  for (const section of sections(bytes)) {
    if (section.id !== 2) {
      parts.push(bytes.subarray(section.start, section.end));
      continue;
    }
    const entries = importEntries(bytes);
    const body = Buffer.concat([unsignedLeb(entries.length), ...entries.flatMap((entry) => {
      const name = Buffer.from(names.get(entry.name) ?? entry.name);
      return [bytes.subarray(entry.start, entry.nameStart), unsignedLeb(name.length), name, bytes.subarray(entry.nameEnd, entry.end)];
    })]);
    parts.push(Buffer.from([2]), unsignedLeb(body.length), body);
  }
  return Buffer.concat(parts);
}

/**
 * The module and its JS with short import names. wasm-bindgen names each import `__wbg_<what>_<16 hex digits>` (the
 * hash keeps two crates' imports apart), in the module and in the JS's import object: 200-odd names whose random
 * digits brotli cannot compress, over 5 KiB of the first load. Only the two files have to agree on them. The JS
 * must name each one once, as the key of its import function, and nowhere else.
 */
function shortImports(wasm, js) {
  const names = new Map();
  const next = shortNames();
  for (const { name } of importEntries(wasm)) {
    if (js.split(name).length !== 2 || !js.includes(`\n        ${name}: function`)) {
      throw new Error(`the JS does not name import ${name} once, as its import function`);
    }
    names.set(name, next.next().value);
  }
  const renamed = js.replace(/^ {8}(\w+): function/gm, (whole, name) => (names.has(name) ? `        ${names.get(name)}: function` : whole));
  return [withRenamedImports(wasm, names), renamed, names];
}

/**
 * Prunes `wasmPath` and its bindings `jsPath` in place; `optimize` is the wasm-opt arguments the build used
 * (index.html's `data-wasm-opt` and `data-wasm-opt-params`). Returns a line saying what it took out.
 */
export function pruneWasm(wasmPath, jsPath, optimize) {
  const before = readFileSync(wasmPath);
  const [stripped, dropped] = withoutDeadExports(before);
  writeFileSync(wasmPath, stripped);
  execFileSync(WASM_OPT, [wasmPath, '-o', wasmPath, ...optimize], { stdio: 'inherit' });
  const after = readFileSync(wasmPath);
  const imports = new Set(entryNames(after, 'import'));
  const exports = new Set(entryNames(after, 'export'));
  const js = readFileSync(jsPath, 'utf8');
  const pruned = prunedBindings(js, imports);
  const missing = [...new Set([...pruned.matchAll(/\bwasm\.(\w+)/g)].map((m) => m[1]))].filter((n) => !exports.has(n));
  if (missing.length) {
    throw new Error(`${jsPath} still uses ${missing.join(', ')}, which ${wasmPath} no longer exports`);
  }
  const classes = [...pruned.matchAll(/\b(IntoUnderlying\w*)/g)].map((m) => m[1]);
  if (classes.length) throw new Error(`${jsPath} still names ${[...new Set(classes)].join(', ')} after pruning`);
  const unmet = [...imports].filter((name) => !pruned.includes(`\n        ${name}: `));
  if (unmet.length) throw new Error(`${jsPath} no longer gives ${wasmPath} its imports ${unmet.join(', ')}`);
  const [wasm, bindings, names] = shortImports(after, pruned);
  writeFileSync(wasmPath, wasm);
  writeFileSync(jsPath, bindings);
  return `${dropped.length} dead exports, ${names.size} imports renamed, wasm ${before.length} → ${wasm.length} bytes, JS ${js.length} → ${bindings.length} bytes`;
}
