// End-to-end tests: the release build in dist/ served by a plain static file server with no rewrite rules (every
// URL has its own pre-rendered index.html; anything else gets 404.html), driven in Debian's Chromium.
import { defineConfig } from '@playwright/test';

const port = 8091;
// The example host page (examples/host/) names these two origins for the app's files and the content.
const HOST_PORT = 8094;
const ASSETS = `http://127.0.0.1:${HOST_PORT + 1}`;
const CONTENT = `http://127.0.0.1:${HOST_PORT + 2}`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      command: `node tools/serve.mjs --root dist --port ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      // The same files under a strict Content-Security-Policy (tests/e2e/csp.spec.js).
      command: `node tools/serve.mjs --root dist --port ${port + 1} --csp`,
      url: `http://127.0.0.1:${port + 1}/`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      // The same build deployed under /news/ (`./x test` prepares target/e2e-news; tests/e2e/base-path.spec.js).
      command: `node tools/serve.mjs --root target/e2e-news --port ${port + 2} --404 news/404.html`,
      url: `http://127.0.0.1:${port + 2}/news/`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      // Compressed like a CDN, for the Lighthouse gate (tests/e2e/lighthouse.spec.js).
      command: `node tools/serve.mjs --root dist --port 8098 --compress`,
      url: `http://127.0.0.1:8098/`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    // Embedding (tests/e2e/embedding.spec.js): a host page, the app's assets and the content on three origins.
    {
      command: `node tools/serve.mjs --root examples/host --port ${HOST_PORT} --csp-allow "${ASSETS} ${CONTENT}"`,
      url: `http://127.0.0.1:${HOST_PORT}/`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: `node tools/serve.mjs --root dist --port ${HOST_PORT + 1} --cors`,
      url: `${ASSETS}/embed.js`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: `node tools/serve.mjs --root dist --port ${HOST_PORT + 2} --cors`,
      url: `${CONTENT}/content/site.json`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
  ],
});
