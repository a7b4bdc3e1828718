import { createHash } from 'node:crypto';
import { dateLabel } from '../../../../src-shared/domains/batches/qr-payload';
import { PAGE_IDS, type CustomerPageBatch, type CustomerPageData } from './customer-page.types';

/**
 * Writes a self-contained customer page: the batch facts as static HTML (readable even with scripts
 * off), the data as an inert JSON block, and the status script inline. A CSP in the page allows exactly
 * that script and style by hash, so the page can be hosted anywhere and loads nothing else.
 */

const STYLE = `
:root{color-scheme:light dark;--bg:#f6f5f2;--card:#fff;--text:#1d1b18;--muted:#66615a;--line:#e3e0da;--ok:#1f6f43;--ok-bg:#e6f3eb;--warn:#8a5200;--warn-bg:#fdf1dc;--bad:#a12a22;--bad-bg:#fbe9e7}
@media (prefers-color-scheme:dark){:root{--bg:#141312;--card:#1c1b19;--text:#ecebe7;--muted:#a7a29a;--line:#2f2d2a;--ok:#79cf9c;--ok-bg:#1d3026;--warn:#e9b25e;--warn-bg:#33291a;--bad:#f2867b;--bad-bg:#3a1f1c}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
main{max-width:34rem;margin:0 auto;padding:1.5rem 1rem 3rem}header{margin-bottom:1rem;color:var(--muted);font-size:.9rem}
section{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:1.25rem;margin-bottom:1rem}
h1{font-size:1.4rem;margin:0 0 .75rem;line-height:1.25}dl{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem;margin:1rem 0 0}
dt{color:var(--muted)}dd{margin:0;font-variant-numeric:tabular-nums}
.status{display:inline-block;font-weight:600;padding:.3rem .75rem;border-radius:999px;border:1px solid var(--line)}
.status-fresh{color:var(--ok);background:var(--ok-bg);border-color:transparent}.status-caution{color:var(--warn);background:var(--warn-bg);border-color:transparent}
.status-expired{color:var(--bad);background:var(--bad-bg);border-color:transparent}.facts{margin:.6rem 0 0;color:var(--muted)}
footer{color:var(--muted);font-size:.8rem;text-align:center}[hidden]{display:none!important}`.trim();

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** JSON that cannot close its <script> block or break a line in old parsers. */
const safeJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

type PageBatch = CustomerPageBatch & { effectiveExpiry: string | null };

function batchSection(b: PageBatch, i: number): string {
  const rows: [string, string][] = [
    ['Lot', b.lot],
    ['Produced', b.productionDate],
    ['Arrived', b.arrivalDate],
  ];
  if (b.effectiveExpiry) rows.push([dateLabel(b.dateType), b.effectiveExpiry]);
  if (b.price) rows.push(['Price', b.price]);
  if (b.allergens) rows.push(['Allergens', b.allergens]);
  return `<section ${PAGE_IDS.batchAttr}="${i}">
<h1>${escapeHtml(b.productName)}</h1>
<p><span class="status" ${PAGE_IDS.statusAttr}>Checking freshness…</span></p>
<p class="facts"><span ${PAGE_IDS.shelfAttr}></span><br><span ${PAGE_IDS.leftAttr}></span></p>
<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
</section>`;
}

/** One page holding one batch, or (the site index) every batch, of which a QR link can pick one. */
export function renderCustomerPage(data: Omit<CustomerPageData, 'batches'> & { batches: PageBatch[] }, script: string, title: string): string {
  const json = safeJson({ shopName: data.shopName, timeZone: data.timeZone, batches: data.batches.map(({ effectiveExpiry: _, ...b }) => b) });
  const csp = `default-src 'none'; script-src ${sha256(script)}; style-src ${sha256(STYLE)}; base-uri 'none'; form-action 'none'`;
  const shop = data.shopName ? `<header>${escapeHtml(data.shopName)}</header>` : '';
  const note = data.batches.length > 1 ? `<p id="${PAGE_IDS.indexNote}" class="facts">${data.batches.length} batches on the shelf.</p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${shop}${note}
${data.batches.map(batchSection).join('\n')}
<footer>Days on the shelf and freshness are worked out on this device, on the shop's calendar (${escapeHtml(data.timeZone)}).</footer>
</main>
<script type="application/json" id="${PAGE_IDS.data}">${json}</script>
<script>${script}</script>
</body>
</html>
`;
}
