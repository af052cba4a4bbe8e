#!/usr/bin/env node
// A plain static file server, as a CDN or any static host would serve dist/: files as they are, a real 404 for
// anything missing. `--fallback` answers unknown paths with index.html (for deep links until the publishing
// work writes an index.html per URL).
//
// `--csp` sends the strict Content-Security-Policy the site must work under (docs/architecture.md).
//
// `--404 PATH` names the not-found page under the root (default 404.html), e.g. news/404.html for a sub-path site.
//
//   node tools/serve.mjs [--root dist] [--port 8080] [--host 127.0.0.1] [--fallback] [--csp] [--404 PATH]
import { createServer } from 'node:http';
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
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self' https:; connect-src 'self'";
const csp = args.includes('--csp') ? { 'Content-Security-Policy': STRICT_CSP } : {};

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
  res.writeHead(status, {
    'Content-Type': types[extname(found.path)] ?? 'application/octet-stream',
    'Content-Length': found.body.length,
    'Cache-Control': 'no-cache',
    ...csp,
  });
  res.end(req.method === 'HEAD' ? undefined : found.body);
}).listen(port, host, () => {
  console.log(`serving ${root} on http://${host}:${port}/${fallback ? ' (index.html fallback)' : ''}`);
});
