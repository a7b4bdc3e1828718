/* global document -- the init script runs in the browser */
// Watches a Playwright page for anything a clean run must not show: CSP violations (reported by the
// page's securitypolicyviolation event and by Chromium's console), uncaught errors and console errors.

const CSP_TEXT = /Content Security Policy|Content-Security-Policy|Trusted Type|TrustedHTML|TrustedScript|Refused to/i;

/**
 * Starts watching `page`; returns the collected lists and `problems()` (human-readable, empty when clean).
 * The init script runs through CDP before page scripts, so the strict CSP does not apply to it.
 */
export async function watchPage(page) {
  const watch = { cspViolations: [], errors: [], messages: [] };
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
    if (msg.type() === 'error' && CSP_TEXT.test(msg.text())) watch.cspViolations.push({ console: msg.text() });
    else if (msg.type() === 'error') watch.errors.push(text);
  });
  page.on('pageerror', (err) => {
    watch.messages.push(`[pageerror] ${err.message}`);
    watch.errors.push(`[pageerror] ${err.message}`);
  });
  watch.problems = () => [...watch.cspViolations.map((v) => `CSP violation: ${JSON.stringify(v)}`), ...watch.errors];
  return watch;
}
