#!/usr/bin/env node
// A plain static file server, as a CDN or any static host would serve dist/: files as they are, a real 404 for
// anything missing. `--fallback` answers unknown paths with index.html (for deep links until the publishing
// work writes an index.html per URL).
//
// `--csp` sends the strict Content-Security-Policy the site must work under (docs/architecture.md).
//
// `--csp-allow "ORIGIN …"` sends the same policy with those origins added where an embedding host page must add
// them (script, style, image and connect sources): docs/embedding.md.
//
// `--cors` lets pages on other origins read the files (Access-Control-Allow-Origin: *), as a CDN serving the
// app's assets or content to host pages does.
//
// `--compress` answers with brotli (or gzip) when the browser accepts it, as a CDN does; each file is compressed
// once, at the highest level, and kept. Hashed build files (`name-0123456789abcdef.js`) are then also sent as
// immutable, as docs/deploying.md recommends; everything else is revalidated on every use. Every answer carries an
// ETag, so a revalidation the file has not changed since gets a 304 without a body.
//
// `--404 PATH` names the not-found page under the root (default 404.html), e.g. news/404.html for a sub-path site.
//
//   node tools/serve.mjs [--root dist] [--port 8080] [--host 127.0.0.1] [--fallback] [--csp] [--csp-allow ORIGINS]
//                        [--cors] [--compress] [--404 PATH]
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const root = resolve(option('--root', 'dist'));
const port = Number(option('--port', '8080'));
const host = option('--host', '127.0.0.1');
const fallback = args.includes('--fallback');
const notFound = option('--404', '404.html');
const allow = option('--csp-allow', '');
const extra = allow ? ` ${allow}` : '';
const STRICT_CSP = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'${extra}; style-src 'self'${extra}; `
  + `img-src 'self' https:${extra}; connect-src 'self'${extra}`;
const csp = args.includes('--csp') || allow ? { 'Content-Security-Policy': STRICT_CSP } : {};
const cors = args.includes('--cors') ? { 'Access-Control-Allow-Origin': '*' } : {};
const compress = args.includes('--compress');
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt']);
const compressed = new Map();

/** The body encoded as the request accepts, and the Content-Encoding to send (none when not worth it). */
function encode(req, path, body, tag) {
  if (!compress || !COMPRESSIBLE.has(extname(path))) return [body, null];
  const accepts = String(req.headers['accept-encoding'] ?? '');
  const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
  if (!encoding) return [body, null];
  const key = `${encoding}:${tag}`;
  if (!compressed.has(key)) {
    compressed.set(key, encoding === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : gzipSync(body, { level: 9 }));
  }
  return [compressed.get(key), encoding];
}

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp',
  '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

async function file(path) {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return file(join(path, 'index.html'));
    return { path, body: await readFile(path) };
  } catch {
    return null;
  }
}

createServer(async (req, res) => {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    res.writeHead(400).end('bad request');
    return;
  }
  const target = normalize(join(root, pathname));
  if (target !== root && !target.startsWith(root + sep)) {
    res.writeHead(403).end('forbidden');
    return;
  }
  let found = await file(target);
  let status = 200;
  if (!found && fallback && !extname(pathname)) found = await file(join(root, 'index.html'));
  if (!found) {
    status = 404;
    found = (await file(join(root, notFound))) ?? { path: '404.txt', body: Buffer.from('Not found\n') };
  }
  // A validator, as a CDN sends one: a browser revalidating a `no-cache` file it holds gets a 304 and no body.
  const tag = `"${createHash('sha1').update(found.body).digest('base64url').slice(0, 20)}"`;
  const [body, encoding] = encode(req, found.path, found.body, tag);
  const etag = encoding ? `${tag.slice(0, -1)}-${encoding}"` : tag;
  const fresh = status === 200 && req.headers['if-none-match'] === etag;
  res.writeHead(fresh ? 304 : status, {
    'Content-Type': types[extname(found.path)] ?? 'application/octet-stream',
    ...(fresh ? {} : { 'Content-Length': body.length }),
    ETag: etag,
    ...(encoding ? { 'Content-Encoding': encoding, Vary: 'Accept-Encoding' } : {}),
    'Cache-Control': compress && /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(found.path) ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...csp,
    ...cors,
  });
  res.end(req.method === 'HEAD' || fresh ? undefined : body);
}).listen(port, host, () => {
  console.log(`serving ${root} on http://${host}:${port}/${fallback ? ' (index.html fallback)' : ''}`);
});
