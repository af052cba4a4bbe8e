// The reader's remembered colour scheme (src/components/theme_toggle.rs), applied before a pre-rendered page is
// first painted. A classic script in <head> runs before the body is shown, so the page never appears in the
// system's scheme first and flips when the app takes over. Trunk hashes it, so it is cached as immutable and costs
// a request on a first visit only. Host pages do not load it: there the app renders everything itself.
try {
  const theme = localStorage.getItem('broadsheet:theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-bs-theme', theme);
} catch {
  // Storage is blocked: the system's scheme stands.
}
