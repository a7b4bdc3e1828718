import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Test-only: the customer page in a real Chromium, with no network and a frozen clock. */

const CHROMIUM = process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is needed for the customer page tests (set HEARTH_CHROMIUM; looked at ${CHROMIUM}).`);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** Serves `html` at `url` with no network, freezes the clock at `nowIso`, and returns the visible text and any script errors. */
export async function openPage(browser: Browser, html: string, url: string, nowIso: string): Promise<{ text: string; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => (route.request().url() === url ? route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }) : route.abort()));
  await page.clock.setFixedTime(new Date(nowIso));
  await page.goto(url);
  const text = await page.locator('body').innerText();
  await page.close();
  return { text, errors };
}
