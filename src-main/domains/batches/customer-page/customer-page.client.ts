import { computeBatchStatus, type BatchStatus } from '../../../../src-shared/domains/batches/batch-status';
import { PAGE_IDS, type CustomerPageBatch, type CustomerPageData } from './customer-page.types';

/**
 * The customer page's only script (bundled by customer-page.build.ts, inlined into each exported page and
 * allowed by a hash in the page's CSP). It computes days on shelf, days left and status in the
 * customer's browser with the SAME shared rules as the app, on the shop's calendar, and refreshes them
 * every minute. No network, no innerHTML: it only sets textContent and attributes.
 */

const WORDS: Record<BatchStatus, { text: string; icon: string }> = {
  fresh: { text: 'Fresh', icon: '✓' },
  caution: { text: 'Use soon', icon: '!' },
  expired: { text: 'Past its date', icon: '✕' },
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function shelfText(days: number): string {
  return days === 0 ? 'Arrived in the shop today' : `On the shelf for ${plural(days, 'day')}`;
}

function leftText(batch: CustomerPageBatch, daysLeft: number | null): string {
  const label = batch.dateType === 'best-before' ? 'best before date' : 'use-by date';
  if (daysLeft === null) return '';
  if (daysLeft < 0) return `The ${label} passed ${plural(-daysLeft, 'day')} ago`;
  if (daysLeft === 0) return `Today is the ${label}`;
  return `${plural(daysLeft, 'day')} until the ${label}`;
}

function update(data: CustomerPageData): void {
  const clock = { nowMs: Date.now(), timeZone: data.timeZone };
  data.batches.forEach((batch, i) => {
    const info = computeBatchStatus(batch, clock);
    const scope = `[${PAGE_IDS.batchAttr}="${i}"]`;
    document.querySelectorAll(`${scope} [${PAGE_IDS.statusAttr}]`).forEach((el) => {
      const words = WORDS[info.status];
      el.textContent = `${words.icon} ${words.text}`;
      el.setAttribute('class', `status status-${info.status}`);
    });
    document.querySelectorAll(`${scope} [${PAGE_IDS.shelfAttr}]`).forEach((el) => (el.textContent = shelfText(info.daysOnShelf)));
    document.querySelectorAll(`${scope} [${PAGE_IDS.leftAttr}]`).forEach((el) => (el.textContent = leftText(batch, info.daysLeft)));
  });
}

/** On a multi-batch page reached from a QR link (Digital Link path or a query value), shows only that batch. */
function focus(data: CustomerPageData): void {
  if (data.batches.length < 2) return;
  const segments = location.pathname.split('/').map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  const values = new Set([...segments, ...new URLSearchParams(location.search).values()]);
  const at = segments.indexOf('01');
  const gtin = at >= 0 ? segments[at + 1] : undefined;
  const index = data.batches.findIndex((b) => values.has(b.lot) && (!gtin || b.gtin14 === gtin.padStart(14, '0')));
  if (index < 0) return;
  document.querySelectorAll(`[${PAGE_IDS.batchAttr}]`).forEach((el) => {
    if (el.getAttribute(PAGE_IDS.batchAttr) !== String(index)) el.setAttribute('hidden', '');
  });
  document.getElementById(PAGE_IDS.indexNote)?.setAttribute('hidden', '');
}

function start(): void {
  const raw = document.getElementById(PAGE_IDS.data)?.textContent;
  if (!raw) return;
  const data = JSON.parse(raw) as CustomerPageData;
  focus(data);
  update(data);
  setInterval(() => update(data), 60_000);
}

start();
