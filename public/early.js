// The one classic script in a site page's <head> (host pages do not load it: there the app renders everything
// itself, and embed.js carries the loader). It runs before the body is shown. Trunk hashes it, so it is cached as
// immutable and costs a request on a first visit only.

// In a function of its own: nothing is added to the page's globals.
(() => {
  // That this script ran: a pre-rendered page without the mark is shown by the stylesheet as one whose app cannot
  // start (this file could not be had, so nothing of ours will run to say so).
  document.documentElement.setAttribute('data-broadsheet-early', '');
  // The reader's remembered colour scheme (src/components/theme_toggle.rs), applied before a pre-rendered page is
  // first painted, so the page never appears in the system's scheme first and flips when the app takes over.
  try {
    const theme = localStorage.getItem('broadsheet:theme');
    if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-broadsheet-theme', theme);
  } catch {
    // Storage is blocked: the system's scheme stands.
  }
  // Once the page is parsed (`interactive`, before its first paint as a rule; not at DOMContentLoaded, which on the
  // shell waits for the loader, a module script), what the pre-rendered markup cannot know and the app will show
  // anyway, so that nothing changes under the reader when it takes over:
  // - its Dark mode switch says "pressed" when the page is dark (src/components/theme_toggle.rs); a screen reader
  //   would hear "not pressed" on a dark page until then; and it works;
  // - times are in the reader's time zone, in the words of `label_at` (crates/model/src/time.rs; keep the two alike):
  //   the page is written in UTC, and a longer label ("12:45 PM UTC+5:30") can wrap a line and move the story.
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  function localTime(iso) {
    const instant = Date.parse(iso);
    if (Number.isNaN(instant)) return null;
    let east = -new Date(instant).getTimezoneOffset();
    if (Math.abs(east) > 18 * 60) east = 0;
    const at = new Date(instant + east * 60_000);
    const hour = at.getUTCHours(), abs = Math.abs(east);
    const zone = abs === 0 ? 'UTC' : `UTC${east < 0 ? '\u2212' : '+'}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
    return `${MONTHS[at.getUTCMonth()]} ${at.getUTCDate()}, ${at.getUTCFullYear()}, ${hour % 12 || 12}:${String(at.getUTCMinutes()).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'} ${zone}`;
  }
  function parsed() {
    const chosen = document.documentElement.getAttribute('data-broadsheet-theme');
    const dark = chosen ? chosen === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
    const toggle = document.querySelector('#broadsheet .bs-theme-toggle');
    toggle?.setAttribute('aria-pressed', String(dark));
    // A tap on it before the app has taken over does what the app's will (the app replaces it, and reads the choice).
    toggle?.addEventListener('click', () => {
      const next = toggle.getAttribute('aria-pressed') === 'true' ? 'light' : 'dark';
      try {
        localStorage.setItem('broadsheet:theme', next);
      } catch {
        // Storage is blocked: this page shows the choice, the next does not. Or full: the older choice goes (else the
        // app would read it, not this one, and undo the tap), and the room it leaves may take the new one.
        try {
          localStorage.removeItem('broadsheet:theme');
          localStorage.setItem('broadsheet:theme', next);
        } catch { /* blocked, or still full */ }
      }
      document.documentElement.setAttribute('data-broadsheet-theme', next);
      toggle.setAttribute('aria-pressed', String(next === 'dark'));
    });
    // The skip link names the address the page was written for: one opened with a query (`?utm_source=…`), or
    // 404.html answered for any missing address, would load another page. This one's main, at this address.
    const skip = document.querySelector('#broadsheet .bs-skip-link');
    if (skip) skip.href = `${location.pathname}${location.search}#bs-main`;
    for (const time of document.querySelectorAll('#broadsheet time[datetime]')) {
      const label = localTime(time.dateTime);
      if (label) time.textContent = label;
    }
  }

  // A pre-rendered page is its own first render: it asks for the app's code only once that render has been shown
  // (docs/architecture.md), so that the downloads and the start-up do not slow its first paint. The page names the
  // loader in a <meta> (crates/compiler/src/preloads.rs), which becomes the loader's script here, with a preload link
  // for the WASM the loader fetches. At once in a hidden tab: a story opened in the background paints nothing until
  // the reader looks at it, and the app is ready by then. Other pages (the shell) carry the loader's script itself.
  // The reader's input and moves (wheel, touch, scrollbar, a key that scrolls) until the loader runs, which counts
  // them from then on and carries these on (public/loader.js; keep the two alike): after a reload the app takes the
  // reader back to their place only if they have not moved meanwhile.
  // And the presses under way whose click comes on release (a pointer's button, Space), for as long as the page
  // lives: the loader lets one end on the page it began on before the app takes that page over (a browser sends no
  // click to an element replaced between press and release), and is told (`released`) when none is left. A window
  // that loses focus (the find bar, another window) will not hear their release: none is held then.
  const early = (document.documentElement.broadsheetEarlyInput = { moves: 0, input: false, held: new Set() });
  const released = () => { if (!early.held.size) early.released?.(); };
  addEventListener('blur', () => { early.held.clear(); released(); });
  for (const type of ['wheel', 'keydown', 'pointerdown', 'keyup', 'pointerup', 'pointercancel']) {
    addEventListener(type, (event) => {
      // Space, or a pointer; nothing for other keys and the wheel.
      const press = type.startsWith('key') ? (event.key === ' ' ? 'Space' : null) : event.pointerId;
      if (type.endsWith('up') || type === 'pointercancel') {
        early.held.delete(press);
        released();
        return;
      }
      early.input = true;
      if (press != null) early.held.add(press);
      if (type !== 'keydown' || ['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ', 'Tab'].includes(event.key)) early.moves += 1;
    }, { capture: true, passive: true });
  }

  // Never before the page is parsed (a slow connection paints the top of a page still arriving): the app replaces
  // the page when it starts, and reads the content block at its end; `whenParsed` below asks again then.
  let appAsked = false;
  function askForApp() {
    const named = document.querySelector('meta[name="broadsheet-loader"]');
    if (appAsked || !named || document.readyState === 'loading') return;
    appAsked = true;
    const loader = document.createElement('script');
    Object.assign(loader, { type: 'module', id: 'broadsheet-loader', src: named.content, integrity: named.dataset.integrity ?? '' });
    const preload = [];
    try {
      const wasm = new URL(loader.src).searchParams.get('wasm');
      if (wasm) preload.push(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', type: 'application/wasm', crossOrigin: 'anonymous', href: new URL(wasm, loader.src).href }));
    } catch {
      // An address that is no URL: the loader's script fails, and the handler below tells the reader.
    }
    named.replaceWith(...preload, loader);
  }
  const painted = globalThis.PerformanceObserver?.supportedEntryTypes?.includes('paint');
  if (painted) {
    new PerformanceObserver((list, observer) => {
      if (!list.getEntries().some((entry) => entry.name === 'first-contentful-paint')) return;
      observer.disconnect();
      askForApp();
    }).observe({ type: 'paint', buffered: true });
  }
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') askForApp(); });
  // A page that is never painted though shown (in a frame the browser does not draw): two seconds after its load.
  addEventListener('load', () => setTimeout(askForApp, 2000), { once: true });

  // Once the page is parsed: what it cannot know, then the app asked for where it may be now. Its first paint was
  // shown already, or the tab is hidden, or there is nothing pre-rendered to paint (an emptied copy): the app is
  // then the first render.
  const whenParsed = () => {
    try {
      parsed();
    } finally {
      const first = !document.querySelector('#broadsheet > .bs-app') || document.visibilityState === 'hidden';
      if (first || performance.getEntriesByName('first-contentful-paint').length) askForApp();
      else if (!painted) requestAnimationFrame(() => setTimeout(askForApp, 0));
    }
  };
  // Run later than the parser would run it (a CDN's script deferral), it finds the page parsed already.
  if (document.readyState === 'loading') document.addEventListener('readystatechange', whenParsed, { once: true });
  else whenParsed();

  // The page stops waiting for the app when its loader cannot be had at all (no network, a deploy whose HTML names a
  // loader not uploaded yet, a copy that fails its digest): then no script of ours runs to say so. What follows does
  // what the loader's `showStartFailure` (public/loader.js) does when the app's own files fail; keep the two alike.
  addEventListener('error', (event) => {
    const host = document.getElementById('broadsheet');
    if (event.target?.id !== 'broadsheet-loader' || !host) return;
    // A pre-rendered page stays as it is: the mark is all the stylesheet needs to stop it waiting, and the comments'
    // placeholder carries the words it then shows (src/comments/slot.rs).
    if (host.querySelector('.bs-app')) {
      host.setAttribute('data-broadsheet-failed', '');
      return;
    }
    const message = document.createElement('p');
    message.className = 'bs-noscript';
    message.setAttribute('role', 'alert');
    message.textContent = 'The news could not be loaded. Check your connection and reload the page.';
    host.replaceChildren(message);
  }, true);
})();
