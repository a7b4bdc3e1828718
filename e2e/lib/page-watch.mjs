/* global document -- the init script runs in the browser */
// Watches a Playwright page for anything a clean run must not show: CSP violations (reported by the
// page's securitypolicyviolation event and by Chromium's console), uncaught errors and console errors.

const CSP_TEXT = /Content Security Policy|Content-Security-Policy|Trusted Type|TrustedHTML|TrustedScript|Refused to/i;
/**
 * A sandboxed frame (an email's HTML body: sandbox="") refusing a script. Chromium logs it when this watcher's own init
 * script, which Playwright adds to every frame, reaches the frame's first about:blank document, depending on timing.
 * It is the sandbox working, not a fault: kept in `sandboxBlocked`, not in the problems.
 */
const SANDBOX_BLOCKED = /^Blocked script execution in '[^']*' because the document's frame is sandboxed and the 'allow-scripts' permission is not set\.$/;

/**
 * Starts watching `page`; returns the collected lists and `problems()` (human-readable, empty when clean).
 * The init script runs through CDP before page scripts, so the strict CSP does not apply to it.
 */
export async function watchPage(page) {
  const watch = { cspViolations: [], errors: [], messages: [], sandboxBlocked: [] };
  await page.exposeBinding('__hearthE2eCspViolation', (_source, violation) => {
    watch.cspViolations.push(violation);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = globalThis['__hearthE2eCspViolation'];
      if (typeof report === 'function')
        report({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber });
    });
  });
  page.on('console', (msg) => {
    const text = `[${msg.type()}] ${msg.text()}`;
    watch.messages.push(text);
    if (msg.type() === 'error' && SANDBOX_BLOCKED.test(msg.text())) watch.sandboxBlocked.push(text);
    else if (msg.type() === 'error' && CSP_TEXT.test(msg.text())) watch.cspViolations.push({ console: msg.text() });
    else if (msg.type() === 'error') watch.errors.push(text);
  });
  page.on('pageerror', (err) => {
    watch.messages.push(`[pageerror] ${err.message}`);
    watch.errors.push(`[pageerror] ${err.message}`);
  });
  watch.problems = () => [...watch.cspViolations.map((v) => `CSP violation: ${JSON.stringify(v)}`), ...watch.errors];
  return watch;
}
