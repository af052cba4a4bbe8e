// Starts Broadsheet. Trunk's own loader is an inline script, which a strict Content-Security-Policy
// (script-src 'self') forbids; this file replaces it. Two ways in:
// - The site's own pages load it as
//     <script type="module" id="broadsheet-loader" src="{base}loader-HASH.js?js=broadsheet-HASH.js&wasm=broadsheet-HASH_bg.wasm" integrity="…">
//   (Trunk.toml, `pattern_script`; tools/finish-build.mjs names it by its hash); a pre-rendered page has it added by
//   `early.js` once its first paint has been shown. The stylesheet is already in the page, and the files fetched
//   here are checked against the `integrity` digests of Trunk's preload links, or, in pre-rendered pages, of the
//   `#broadsheet-digests` block that holds the digests of the links the compiler took out.
// - A host page includes `embed.js` (written by the compiler for each build), which calls `boot` with the hashed
//   names and digests. The app then lives in a shadow root on the host's `[data-broadsheet]` element, with its
//   stylesheet inside: the host's CSS cannot reach in and ours cannot leak out (docs/embedding.md).
// Either way, asset names are resolved against this file's own URL, which may be on another origin (CORS).
// No globals: nothing is added to `window`.
// Islands (docs/architecture.md): parts of the app built as WASM modules of their own, such as the comments. The
// app asks for one with a `broadsheet:island` event on its host element when the reader comes near it; the loader
// starts the module once, with the same integrity checks, and hands the app a promise of it. The build's islands
// are listed by the compiler: in a `#broadsheet-islands` JSON block on the site's own pages, in `embed.js` for
// host pages.
const here = new URL(import.meta.url);

// The digest of one of the app's files: from Trunk's preload link for it, else from the block a pre-rendered page
// has in place of the preload links (`#broadsheet-digests`, by file name).
function digestInPage(url) {
  for (const link of document.querySelectorAll('link[integrity]')) {
    if (link.href === url.href) return link.integrity;
  }
  const listed = jsonInPage('broadsheet-digests');
  const name = url.pathname.split('/').pop();
  // Not `Object.hasOwn`: browsers before 2022 lack it, and this runs before the start's failure is handled.
  return Object.prototype.hasOwnProperty.call(listed, name) && typeof listed[name] === 'string' ? listed[name] : undefined;
}

function jsonInPage(id) {
  try {
    const value = JSON.parse(document.getElementById(id)?.textContent ?? '{}');
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

function hostElement() {
  return document.querySelector('#broadsheet, [data-broadsheet]');
}

// The marked element, once the page has it: a host page's own script (a framework rendering the page) may add it
// after this runs. Started without it, the app would find it later, with no shadow root or stylesheet around it.
function hostAdded() {
  return hostElement() ?? new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const host = hostElement();
      if (!host) return;
      observer.disconnect();
      resolve(host);
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

// The content files the app's first page needs where the page does not carry them (a host page, the shell): the
// site file and the current route's file. The same URLs the app computes (`Config::route_at` in src/config.rs,
// `Route::parse` and `Route::content_path` in crates/model/src/route.rs); tests/e2e/embedding.spec.js checks this
// against the files every pre-rendered page of the build carries. No syntax newer than the rest of this file
// (a regex lookbehind would stop the whole loader in Safari before 16.4).
export function contentFiles(host, { pathname, hash } = location) {
  // An attribute's value, as the app reads it: a blank one counts as absent.
  const data = (name) => { const value = host.getAttribute(`data-${name}`); return value?.trim() ? value : null; };
  // Percent-encoded, as the address bar's path is (`/actualit%C3%A9s/`).
  const given = data('base')?.trim().replace(/^\/*/, '/');
  const inner = new URL(given ?? document.querySelector('base[href]')?.getAttribute('href') ?? '/', location.href).pathname
    .replace(/^\/+|\/+$/g, '');
  const base = inner ? `/${inner}/` : '/';
  const content = data('content')?.trim();
  const root = content ? content.replace(/\/?$/, '/') : `${base}content/`;
  // The route's path: in hash mode the fragment; for none, or one that is not the app's (`#top`, a host's
  // `href="#"`, a host router's `?tab=events` entry), the app's page this history entry remembers, else the front
  // page (`route_here` in src/routing.rs). Else the path under the base.
  const fragment = hash.replace(/^#/, '');
  const hostOwn = !fragment.startsWith('/');
  const route = hostOwn ? String(history.state?.broadsheetRoute ?? '').replace(/^[^#]*#?/, '') : fragment;
  const path = data('routing')?.trim() === 'hash'
    ? (route.startsWith('/') ? route : '/')
    : (`${pathname}/`.startsWith(base) ? pathname.slice(base.length - 1) || '/' : '');
  const slug = (s) => /^(?!-)[a-z0-9-]{1,100}$/.test(s) && !s.endsWith('-');
  // As `Route::parse` reads it: `index.html` at the end is the folder's page, and page 1 has only the section's
  // address (`/local/page/1/` is not found).
  const segments = path.split(/[?#]/)[0].split('/').filter(Boolean);
  if (segments[segments.length - 1] === 'index.html') segments.pop();
  const [section, second, third, more] = segments;
  const file = !path || more ? null
    : !section ? 'front.json'
    : !slug(section) ? null
    : !second ? `${section}/page-1.json`
    : third ? (second === 'page' && /^([2-9]|[1-9]\d{1,5})$/.test(third) ? `${section}/page-${third}.json` : null)
    : slug(second) && second !== 'page' ? `${section}/${second}/article.json` : null;
  // Joined as text, as the app joins them, then resolved as its fetch resolves them.
  return ['site.json', ...(file ? [file] : [])].map((name) => new URL(root + name, document.baseURI));
}

// Starts downloading those files at once, side by side with the app's own, through preload links: the app's own
// fetch of the same URL, later, is answered from the preload instead of asking again. Each link goes once its
// file is in.
function preloadContent(host) {
  try {
    for (const url of contentFiles(host)) {
      // Only the web's own schemes: a hostile `data-content` must not become a URL of another kind.
      if (!/^https?:$/.test(url.protocol)) continue;
      const link = document.createElement('link');
      Object.assign(link, { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: url.href });
      link.onload = link.onerror = () => link.remove();
      document.head.append(link);
    }
  } catch {
    // A setting that is no URL at all: the app meets it too, and shows why.
  }
}

// A stylesheet inside the host's shadow root; resolves once it has loaded (or failed), so the app never shows
// unstyled.
function isolate(host, cssUrl, integrity) {
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const sheet = document.createElement('link');
  sheet.rel = 'stylesheet';
  sheet.crossOrigin = 'anonymous';
  if (integrity) sheet.integrity = integrity;
  sheet.href = cssUrl.href;
  const root = document.createElement('div');
  root.className = 'bs-root';
  const loaded = new Promise((resolve) => {
    sheet.addEventListener('load', resolve, { once: true });
    sheet.addEventListener('error', () => {
      console.error(`Broadsheet: its stylesheet ${cssUrl.href} could not be loaded`);
      resolve();
    }, { once: true });
  });
  shadow.replaceChildren(sheet, root);
  return loaded;
}

// A page the compiler rendered, as opposed to the empty shell or a host page.
function prerendered() {
  return document.querySelector('#broadsheet > .bs-app') !== null;
}

// A tab opened in the background (a reader opening stories in new tabs) paints nothing and runs no animation
// frames until the reader looks at it. There is no paint to keep out of the way, so the app takes the page over
// meanwhile and is ready when the reader gets there.
const hidden = () => document.visibilityState === 'hidden';

// The next animation frame; at once in a hidden tab, and as soon as the tab is hidden meanwhile (it runs no
// frames then, and the start would wait for the reader's return, then be late or count as stalled).
function nextFrame() {
  return new Promise((resolve) => {
    if (hidden()) return resolve();
    const gone = () => hidden() && done();
    const done = () => {
      document.removeEventListener('visibilitychange', gone);
      resolve();
    };
    document.addEventListener('visibilitychange', gone);
    requestAnimationFrame(done);
  });
}

// After the page's first frame (a task after an animation frame); at once in a hidden tab.
function firstFrame() {
  // Not a timer in a hidden tab: the browser may hold those for up to a second there.
  return nextFrame().then(() => hidden() || new Promise((resolve) => setTimeout(resolve, 0)));
}

// Once the reader scrolls, presses a key or touches the page, the browser records no more largest paints. Not a
// `scroll` event: the page scrolls itself too (the nav to the reader's section, `scroll-initial-target`), which
// ends nothing, and waiting would then stop before the lead picture is recorded. A reader's scroll starts with a
// wheel, a key, a touch or a press on a scrollbar.
//
// The same events are counted as the reader's moves, except keys that do not move the page (Control, Alt+Tab),
// on the host element (not in a global of a host page). The app reads the count (`platform::reader_moves`): after
// a reload it takes the reader back to their place only if they have not moved, and a return to a place not
// reached yet is finished only if they have not moved since.
// Counted before the element is there too (a host page's script may add it later), and put on it once it is. On
// a pre-rendered page this loader runs only after the first paint: `early.js` counted from the start until then,
// the same way, and this count goes on from its.
const early = document.documentElement.broadsheetEarlyInput;
let moves = early?.moves ?? 0;
let movesHost;
const countMoves = () => {
  movesHost ??= hostElement();
  if (movesHost) movesHost.broadsheetReaderMoves = moves;
};
const input = new Promise((resolve) => {
  if (early?.input) resolve();
  for (const type of ['wheel', 'keydown', 'pointerdown']) {
    addEventListener(type, (event) => {
      resolve();
      if (type !== 'keydown' || ['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ', 'Tab'].includes(event.key)) {
        moves += 1;
        countMoves();
      }
    }, { capture: true, passive: true });
  }
});

// The app replaces a pre-rendered page's markup when it starts. An element of the same size painted again adds no
// new largest paint, but only once the browser has recorded the first one: Chromium records a paint a few frames
// after showing it and forgets an element removed before then, so the app's copy of the page's largest element
// would become a new, later largest paint. So the app waits (the downloads go on meanwhile) until the lead picture
// has loaded (at most 3 s) and a paint at least its size is recorded (at most 1 s more); on a page without a
// picture in view, until any paint is recorded. Input ends the wait at once.
async function largestPaintRecorded() {
  // Only a pre-rendered page has a paint to keep: an empty shell or a host page has nothing the app replaces. A
  // page loaded in a hidden tab has painted nothing yet, so there is no largest paint to wait for.
  if (!prerendered() || hidden()) return;
  const img = document.querySelector('#broadsheet img[fetchpriority="high"]');
  const within = (ms, promise) => {
    let timer;
    return Promise.race([promise, input, new Promise((resolve) => { timer = setTimeout(resolve, ms); })]).finally(() => clearTimeout(timer));
  };
  if (img && !img.complete) {
    await within(3000, new Promise((resolve) => {
      img.addEventListener('load', resolve, { once: true });
      img.addEventListener('error', resolve, { once: true });
    }));
  }
  if (!globalThis.PerformanceObserver?.supportedEntryTypes?.includes('largest-contentful-paint')) {
    await nextFrame();
    await nextFrame();
    return;
  }
  // The picture's share of the screen: a larger element recorded first (a long headline on a narrow screen) keeps
  // the picture from ever being recorded, and from becoming a later largest paint too.
  const box = img?.naturalWidth ? img.getBoundingClientRect() : null;
  const area = box ? Math.max(0, Math.min(box.bottom, innerHeight) - Math.max(box.top, 0))
    * Math.max(0, Math.min(box.right, innerWidth) - Math.max(box.left, 0)) : 0;
  let observer;
  await within(1000, new Promise((resolve) => {
    observer = new PerformanceObserver((list) => {
      if (list.getEntries().some((entry) => entry.url === img?.currentSrc || entry.size >= area)) resolve();
    });
    observer.observe({ type: 'largest-contentful-paint', buffered: true });
  }));
  observer.disconnect();
}

// Fetches `url` with its integrity digest, so a tampered file is refused before it runs; the import or
// instantiation that follows reuses the checked response.
function checked(url, integrity) {
  return fetch(url, { integrity, mode: 'cors' });
}

// A press under way on a pre-rendered page (a pointer's button or Space held down: early.js keeps them) ends on the
// page it began on: the takeover replaces the element pressed, and a browser sends no click to an element replaced
// between press and release (a link clicked as the app starts would do nothing). The app starts a task after the
// release, once its click has been dispatched; or after 3 s of a press held (a drag, a key left down).
function pressesReleased() {
  if (!prerendered() || !early?.held?.size) return;
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 3000);
    early.released = () => { clearTimeout(timer); resolve(); };
  }).then(() => { early.released = null; return nextTask(); });
}

// A task boundary. A message, not a timer: a hidden tab's timers may wait a second.
function nextTask() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(null);
  });
}

// Compiles a checked WASM response on its own, so the tasks that then instantiate the module, rehearse the page and
// mount the app (that last one task, so no frame shows the page half taken over) no longer compile it too. A server that sends the file
// with another type than `application/wasm` still works, as with wasm-bindgen's own loader.
async function compiled(response) {
  const answer = await response;
  if (!answer.ok) throw new Error(`${answer.url} answered ${answer.status}`);
  const type = answer.headers.get('content-type')?.split(';')[0].trim();
  const module = typeof WebAssembly.compileStreaming === 'function' && type === 'application/wasm'
    ? await WebAssembly.compileStreaming(answer)
    : await WebAssembly.compile(await answer.arrayBuffer());
  // A task boundary: input that came in meanwhile is handled before the app starts.
  await nextTask();
  return module;
}

// An island that cannot start. `kind` tells the app what helps: 'unreachable' (a retry may work) or 'broken' (the
// files are gone, say after a deploy, or do not run: only a reload helps).
function islandError(message, kind) {
  return Object.assign(new Error(message), { kind });
}

// Why `url` failed to load with its digest, asked again without it: no answer (or a 5xx) is the network, and a
// retry may work; a 404 or other refusal means the file is gone (a page older than the deploy); a file that is
// there but is not the one with this digest is another build's (or tampered with). A file that now matches was a
// passing failure.
async function diagnose(url, integrity, error) {
  const again = await fetch(url, { mode: 'cors', cache: 'no-store' }).catch(() => null);
  if (!again || again.status >= 500) return islandError(`${url.href}: ${error.message}`, 'unreachable');
  if (!again.ok) return islandError(`${url.href} answered ${again.status}`, 'broken');
  const [algorithm, expected] = (integrity ?? '').split('-');
  if (algorithm !== 'sha384' || !globalThis.crypto?.subtle) return islandError(`${url.href}: ${error.message}`, 'unreachable');
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', await again.arrayBuffer()));
  const matches = btoa(String.fromCharCode(...digest)) === expected;
  return islandError(`${url.href}: ${matches ? error.message : 'not the file this page was built with'}`, matches ? 'unreachable' : 'broken');
}

// A module preload with the file's digest: the module it puts in the page's module map is the checked one, and the
// import that follows uses it. (A fetch with `integrity` only warms the HTTP cache, which an import need not use.)
function preloadModule(url, integrity) {
  const link = document.createElement('link');
  if (!link.relList.supports('modulepreload')) return checked(url, integrity);
  return new Promise((resolve, reject) => {
    link.rel = 'modulepreload';
    link.crossOrigin = 'anonymous';
    link.integrity = integrity;
    link.href = url.href;
    link.addEventListener('load', () => { link.remove(); resolve(); }, { once: true });
    link.addEventListener('error', () => {
      link.remove();
      reject(new Error('could not be fetched or failed its integrity check'));
    }, { once: true });
    document.head.append(link);
  });
}

// Answers the app's requests for islands (on the document: the app may move to another element, see `followHost`).
// `islands` maps a name to its files and digests.
function serveIslands(islands, url) {
  const started = new Map();
  let attempts = 0;
  const start = async (island) => {
    const js = url(island.js);
    // The browser remembers a module URL that failed: a retry asks for it under a new one.
    if (attempts++ > 0) js.searchParams.set('attempt', String(attempts));
    const load = async (file, digest, fetchIt) => {
      try {
        const response = await fetchIt(file, digest);
        if (response && !response.ok) throw new Error(`answered ${response.status}`);
        return response;
      } catch (error) {
        throw await diagnose(file, digest, error);
      }
    };
    // The WASM downloads while the JS does: one round trip, not two, between the reader coming near and the island.
    const wasm = load(url(island.wasm), island.integrity?.wasm, checked);
    wasm.catch(() => {});
    if (island.integrity?.js) await load(js, island.integrity.js, preloadModule);
    const module = await import(js.href);
    const code = await compiled(await wasm).catch((e) => { throw islandError(e.message, 'broken'); });
    await module.default({ module_or_path: code }).catch((e) => { throw islandError(e.message, 'broken'); });
    return module;
  };
  document.addEventListener('broadsheet:island', (event) => {
    const detail = event.detail;
    const island = Object.prototype.hasOwnProperty.call(islands, detail?.name) ? islands[detail.name] : undefined;
    if (!island) return;
    if (!started.has(detail.name)) {
      // A failed start is forgotten, so the reader's retry tries again.
      const module = start(island);
      module.catch(() => started.delete(detail.name));
      started.set(detail.name, module);
    }
    detail.module = started.get(detail.name);
  });
}

// A host page that renders itself may take the marked element out (a framework's route change) and put a new one
// in later (the route back), or put the same one back (a framework that keeps it). The running app moves into a new
// one, its shadow root and all, keeping what it has loaded; either way it then shows what the address says
// (`broadsheet:moved`: the app reads the address as on Back). While the element is in, each change to the page
// costs one check.
function followHost(host) {
  let out = false;
  let refused;
  new MutationObserver(() => {
    if (!host.isConnected) {
      out = true;
      const next = hostElement();
      // An element of the host's own with a shadow root stays as it is; one the app left (a host that keeps its
      // elements and puts an earlier one back) has an empty one.
      if (!next || next === refused || next.shadowRoot?.hasChildNodes()) return;
      try {
        (next.shadowRoot ?? next.attachShadow({ mode: 'open' })).replaceChildren(...host.shadowRoot.childNodes);
      } catch (error) {
        // A closed shadow root of the host's own, or an element that cannot have one (`<ul>`).
        console.error('Broadsheet: cannot move into', next, error);
        refused = next;
        return;
      }
      if (host.hasAttribute('data-broadsheet-ready')) next.setAttribute('data-broadsheet-ready', '');
      host = movesHost = next;
      countMoves();
    }
    if (out) dispatchEvent(new Event('broadsheet:moved'));
    out = false;
  }).observe(document, { childList: true, subtree: true });
}

// What the reader has focused or selected on a pre-rendered page, given back on the app's copy of it once it has
// replaced the page: a keyboard reader's Tab before the app started (the first key press ends the loader's wait)
// would otherwise start again from the top, and a selection would go. Found again by the element's place among
// the elements (the app's copy has the same elements; its text nodes and markers may differ) and, for a
// selection, by the characters before it in that element.
function readersPlace() {
  const root = document.querySelector('#broadsheet');
  if (!root || !prerendered()) return;
  const path = (node) => {
    const steps = [];
    for (let at = node; at !== root; at = at.parentElement) steps.unshift([...at.parentElement.children].indexOf(at));
    return steps;
  };
  const point = (node, offset) => {
    const element = node.nodeType === 1 ? node : node.parentElement;
    const before = document.createRange();
    before.setStart(element, 0);
    before.setEnd(node, offset);
    return [path(element), before.toString().length];
  };
  const find = (steps) => steps.reduce((at, i) => at?.children[i], root);
  const at = ([steps, chars]) => {
    const element = find(steps);
    const walker = element && document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let text = walker?.nextNode(); text; text = walker.nextNode()) {
      if (chars <= text.length) return [text, chars];
      chars -= text.length;
    }
    return element && [element, element.childNodes.length];
  };
  const active = document.activeElement;
  // The same kind of element with the same link, or nothing: a copy that differs there is not the same place. A
  // link to a place on the page is compared by its fragment: the pre-rendered skip link names its page (`<base>`
  // would take a bare `#bs-main` to the front page), the app's does not.
  const link = (element) => `${element?.tagName} ${element?.getAttribute('href')?.replace(/^[^#]*#/, '#')}`;
  const same = (element) => element && link(element) === link(active);
  const focused = active !== root && root.contains(active) && path(active);
  const selection = getSelection();
  const range = selection.rangeCount && !selection.isCollapsed && root.contains(selection.anchorNode) && root.contains(selection.focusNode)
    && [point(selection.anchorNode, selection.anchorOffset), point(selection.focusNode, selection.focusOffset)];
  return () => {
    const element = focused && find(focused);
    if (same(element)) element.focus({ preventScroll: true });
    const ends = range && range.map(at);
    if (ends?.[0] && ends[1]) selection.setBaseAndExtent(...ends[0], ...ends[1]);
  };
}

let started = false;

/// Starts the app with the given build files (names relative to `from`) and integrity digests.
// A start that has not happened this long after the loader ran (a connection that hangs, or 2G, where the app takes
// about a minute) is told to the reader as one that failed, and what waits for the app stops waiting; if the files
// do arrive later, the app still starts.
const START_LIMIT_MS = 45_000;
const STALLED = new Error(`nothing started in ${START_LIMIT_MS / 1000} s`);

export async function boot(assets, from = here) {
  if (started) return;
  started = true;
  const host = await hostAdded();
  countMoves();
  let timer;
  const stalled = new Promise((_, reject) => {
    timer = setTimeout(() => reject(STALLED), START_LIMIT_MS);
  });
  stalled.catch(() => {});
  const url = (name) => new URL(name, from);
  const js = url(assets.js);
  const wasm = url(assets.wasm);
  const integrity = assets.integrity ?? {};
  const jsIntegrity = integrity.js ?? digestInPage(js);
  try {
    // Safari's Lockdown Mode, for one, turns it off.
    if (typeof WebAssembly !== 'object') throw new Error('no WebAssembly');
    // On a host page the stylesheet, the JS and the WASM download side by side (a host page has no preload links):
    // one round trip instead of three before the app can render. The app mounts only once the stylesheet is in.
    const styled = assets.css && host && !host.matches('#broadsheet') ? isolate(host, url(assets.css), integrity.css) : null;
    serveIslands(assets.islands ?? {}, url);
    if (styled) followHost(host);
    // A pre-rendered page carries its content; any other page needs it as soon as the app runs.
    if (host && !prerendered()) preloadContent(host);
    // A pre-rendered page is its own first render: the app's JS is loaded (parsed, compiled) only once the page has
    // been painted, so that it does not slow that paint. There `early.js` adds this loader only once that paint has
    // been shown, with a preload link for the WASM, which is downloading by now (docs/architecture.md). Other pages
    // need the app to show anything, and start at once.
    const ready = (async () => {
      if (prerendered()) await firstFrame();
      const module = checked(wasm, integrity.wasm ?? digestInPage(wasm));
      // Its failure is handled where it is compiled (below); this only keeps it from counting as unhandled
      // while the JS loads and the app waits for the first paint to be recorded.
      module.catch(() => {});
      // Through the module map, so the import below runs the checked module (a plain fetch would only warm the cache).
      if (jsIntegrity) await preloadModule(js, jsIntegrity);
      const bindings = await import(js.href);
      await styled;
      await largestPaintRecorded();
      return [bindings, await compiled(module)];
    })();
    let late = false;
    const [bindings, module] = await Promise.race([ready, stalled]).catch((error) => {
      if (error !== STALLED) throw error;
      // Said now; and if the files do come after all (a slow connection, not a dead one), the app still starts.
      startFailed(error);
      late = true;
      return ready;
    });
    clearTimeout(timer);
    if (late) hostElement()?.removeAttribute('data-broadsheet-failed');
    // The element may be out of the page now (the host routed away while the files loaded): the app starts in the
    // one that is there once the host puts one in.
    await hostAdded();
    await bindings.default({ module_or_path: module });
    // The app draws the page it is about to take over once, outside the document (its code is compiled on first
    // use), then takes the page over in a task of its own: the reader's input waits less behind either
    // (docs/architecture.md).
    bindings.rehearse_app();
    await nextTask();
    await pressesReleased();
    // A failure there must neither stop the start nor mark the running app as failed.
    let place;
    try { place = readersPlace(); } catch {}
    bindings.start_app();
    try { place?.(); } catch {}
  } catch (error) {
    clearTimeout(timer);
    startFailed(error);
  }
}

function startFailed(error) {
  console.error('Broadsheet could not start:', error);
  // A Content-Security-Policy without 'wasm-unsafe-eval' (a host page's own, say) stops the compile for good.
  const blocked = /Content Security Policy|\bCSP\b/i.test(String(error?.message));
  if (blocked) console.error("Broadsheet: this page's Content-Security-Policy must allow 'wasm-unsafe-eval' in script-src (docs/deploying.md).");
  showStartFailure(blocked);
}

// Where reloading will not help (WebAssembly is off, or the page's policy forbids it), the reader is told so.
function showStartFailure(blockedByPolicy = false) {
  const host = hostElement();
  if (!host) return;
  const target = host.shadowRoot?.querySelector('.bs-root') ?? host;
  const [failed, remedy] = typeof WebAssembly !== 'object'
    ? ['cannot be shown in this browser', ['They need WebAssembly, which is turned off here.', 'It needs WebAssembly, which is turned off here.']]
    : blockedByPolicy
      ? ['cannot be shown on this page', ['Its security settings do not allow them.', 'Its security settings do not allow it.']]
      : ['could not be loaded', ['Reload the page to try again.', 'Check your connection and reload the page.']];
  // A pre-rendered page stays readable as it is (its links are plain links). What in it waits for the app stops
  // waiting (`data-broadsheet-failed`, style/main.css): the controls only the app can work are hidden, the footer
  // the waiting comments hid is shown, and the comments' placeholder says they will not come, in these words (its
  // own are the first case's, for when this script cannot be had: src/comments/slot.rs).
  if (target.querySelector('.bs-app')) {
    host.setAttribute('data-broadsheet-failed', '');
    for (const words of target.querySelectorAll('.bs-comments__failed')) words.textContent = `The comments ${failed}. ${remedy[0]}`;
    return;
  }
  const message = document.createElement('p');
  message.className = 'bs-noscript';
  message.setAttribute('role', 'alert');
  message.textContent = `The news ${failed}. ${remedy[1]}`;
  target.replaceChildren(message);
}

if (here.searchParams.has('js')) {
  boot({ js: here.searchParams.get('js'), wasm: here.searchParams.get('wasm'), islands: jsonInPage('broadsheet-islands') });
}
