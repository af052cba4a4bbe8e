// Starts Broadsheet. Trunk's own loader is an inline script, which a strict Content-Security-Policy
// (script-src 'self') forbids; this file replaces it (Trunk.toml, `pattern_script`). It is loaded as
//   <script type="module" src="{base}loader.js?js=broadsheet-HASH.js&wasm=broadsheet-HASH_bg.wasm">
// and finds both files relative to its own URL, so only the HTML changes when the site moves to another path.
// Where the page carries Trunk's preload links, their `integrity` digests are checked on the files fetched here.
const here = new URL(import.meta.url);
const asset = (name) => new URL(here.searchParams.get(name) ?? '', here);

function digestFor(url) {
  for (const link of document.querySelectorAll('link[integrity]')) {
    if (link.href === url.href) return link.integrity;
  }
  return undefined;
}

async function start() {
  const js = asset('js');
  const wasm = asset('wasm');
  const jsIntegrity = digestFor(js);
  if (jsIntegrity) {
    // A fetch with `integrity` refuses a tampered file; the import below then reuses the checked response.
    await fetch(js, { integrity: jsIntegrity });
  }
  const bindings = await import(js.href);
  await bindings.default({ module_or_path: fetch(wasm, { integrity: digestFor(wasm) }) });
}

start().catch((error) => {
  console.error('Broadsheet could not start:', error);
  const host = document.querySelector('#broadsheet, [data-broadsheet]');
  // A pre-rendered page stays readable as it is; only an empty shell needs a message.
  if (host && !host.querySelector('.bs-app')) {
    const message = document.createElement('p');
    message.className = 'bs-noscript';
    message.textContent = 'The news could not be loaded. Check your connection and reload the page.';
    host.replaceChildren(message);
  }
});
