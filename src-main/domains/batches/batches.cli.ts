import { promises as fs } from 'node:fs';
import type { BatchSummary, Dashboard, ImportReport } from '../../../src-shared/domains/batches/batches.schemas';
import type { CliCommand } from '../../cli/commands';
import { EXIT, printJson, printLine, printText, UsageError } from '../../cli/io';
import { writeFileAtomic } from '../../lib/atomic-file';
import { requireString } from './batches-cli-args';
import { labelsCommand } from './batches-labels.cli';

/** `hearth batches …`: print labels, import/export CSV, set the QR mode and show the dashboard from a script. */

const out = printLine;

function printImport(report: ImportReport): void {
  for (const row of report.rows) {
    if (row.errors.length > 0) out(`row ${row.row} (${row.product || '?'} ${row.lot}): ${row.errors.join('; ')}`);
    for (const warning of row.warnings) out(`row ${row.row} (${row.product || '?'} ${row.lot}) note: ${warning}`);
  }
  const verb = report.committed ? 'Imported' : report.dryRun ? 'Would import' : 'Did not import';
  out(
    `${verb} ${report.batches} batch${report.batches === 1 ? '' : 'es'}, creating ${report.productsCreated} product${report.productsCreated === 1 ? '' : 's'}; ${report.errors} row${report.errors === 1 ? '' : 's'} with errors.`,
  );
  if (report.ignoredHeaders.length > 0) out(`Ignored columns: ${report.ignoredHeaders.join(', ')}`);
}

const importCsv: CliCommand = {
  name: 'batches import',
  usage: 'hearth batches import FILE.csv [--dry-run] [--decimal .|,]',
  summary: 'Import batches (and new products) from CSV; all rows or none',
  options: { 'dry-run': { type: 'boolean' }, decimal: { type: 'string' } },
  optionHelp: { 'dry-run': 'Check every row and report, write nothing', decimal: "The decimal separator of the file's numbers: . or ," },
  async run(ctx, { positionals, values }) {
    const file = requireString(positionals[0], 'the CSV file');
    const decimal = values.decimal as string | undefined;
    if (decimal !== undefined && decimal !== '.' && decimal !== ',')
      throw new UsageError("--decimal takes . or , (the decimal separator of the file's numbers).");
    const csv = await fs.readFile(file, 'utf8').catch(() => {
      throw new UsageError(`Cannot read ${file}.`);
    });
    await ctx.unlock();
    const dryRun = values['dry-run'] === true;
    // A commit checks every row first: run the same check as a dry run so errors come back per row.
    const check = await ctx.client.batches.importCsv({ csv, dryRun: true, decimal });
    const report = dryRun || check.errors > 0 ? check : await ctx.client.batches.importCsv({ csv, dryRun: false, decimal });
    if (ctx.flags.json) printJson(report);
    else printImport(report);
    return report.errors > 0 ? EXIT.badInput : EXIT.ok;
  },
};

const config: CliCommand = {
  name: 'batches config',
  usage: 'hearth batches config [--qr gs1|url|text] [--domain D] [--url-template T] [--shop-name S] [--time-zone Z] [--template ID]',
  summary: "Set the shop's QR payload and label settings (prints them all)",
  options: {
    qr: { type: 'string' },
    domain: { type: 'string' },
    'url-template': { type: 'string' },
    'shop-name': { type: 'string' },
    'time-zone': { type: 'string' },
    template: { type: 'string' },
  },
  optionHelp: {
    qr: "What the labels' QR codes hold: gs1 (GS1 Digital Link, needs --domain), url (needs --url-template) or text",
    domain: 'The domain for GS1 Digital Link QR codes (e.g. shop.example)',
    'url-template': 'The https URL for url QR codes; {lot}, {gtin}, {gtin14}, {product}, {production}, {arrival}, {expiry} are filled in',
    'shop-name': 'The shop name printed on labels',
    'time-zone': 'The IANA time zone that decides "today" for expiry (empty: this computer\'s)',
    template: 'The default label template id',
  },
  async run(ctx, { values }) {
    const patch: Record<string, unknown> = {};
    if (values.qr === 'gs1') patch.qr = { mode: 'gs1', domain: requireString(values.domain, '--domain D (e.g. shop.example)') };
    else if (values.qr === 'url')
      patch.qr = { mode: 'url', template: requireString(values['url-template'], '--url-template T (e.g. https://shop.example/b/{lot})') };
    else if (values.qr === 'text') patch.qr = { mode: 'text' };
    else if (values.qr !== undefined) throw new UsageError('--qr takes gs1, url or text.');
    if (values['shop-name'] !== undefined) patch.shopName = values['shop-name'];
    if (values['time-zone'] !== undefined) patch.timeZone = values['time-zone'];
    if (values.template !== undefined) patch.defaultTemplate = values.template;
    await ctx.unlock();
    const settings = Object.keys(patch).length > 0 ? await ctx.client.batches.setSettings(patch) : await ctx.client.batches.getSettings();
    if (ctx.flags.json) printJson(settings);
    else {
      const qr =
        settings.qr.mode === 'gs1' ? `GS1 Digital Link on ${settings.qr.domain}` : settings.qr.mode === 'url' ? `URL ${settings.qr.template}` : 'plain text';
      out(
        `QR codes: ${qr}\nShop name: ${settings.shopName || '(none)'}\nTime zone: ${settings.resolvedTimeZone}${settings.timeZone === '' ? ' (this computer)' : ''}\nDefault template: ${settings.defaultTemplate}`,
      );
    }
    return EXIT.ok;
  },
};

const exportCsv: CliCommand = {
  name: 'batches export',
  usage: 'hearth batches export --out FILE.csv [--all]',
  summary: 'Export batches on the shelf (--all: every batch) as CSV',
  options: { out: { type: 'string' }, all: { type: 'boolean' } },
  optionHelp: { out: 'The CSV file to write (replaced atomically)', all: 'Include batches no longer on the shelf (sold out, wasted)' },
  async run(ctx, { values }) {
    const file = requireString(values.out, '--out FILE.csv');
    await ctx.unlock();
    const csv = await ctx.client.batches.exportCsv({ includeInactive: values.all === true });
    await writeFileAtomic(file, csv.csv);
    if (ctx.flags.json) printJson({ file, rows: csv.rows });
    else out(`Wrote ${csv.rows} batch${csv.rows === 1 ? '' : 'es'} to ${file}.`);
    return EXIT.ok;
  },
};

const MARK = { fresh: '✓', caution: '!', expired: '✕' } as const;
const line = (b: BatchSummary): string =>
  `${MARK[b.status]} ${b.productName}  lot ${b.lot}  ${b.dateType === 'best-before' ? 'best before' : 'use by'} ${b.expiryDate ?? '—'}  ${b.remaining} ${b.unit}`;

/** The dashboard as plain text. */
export function formatDashboard(d: Dashboard): string {
  const rows = [
    `Freshness on ${d.today} (${d.timeZone}): ${d.counts.active} batch${d.counts.active === 1 ? '' : 'es'} on the shelf`,
    `  ${MARK.fresh} fresh    ${d.counts.fresh}`,
    `  ${MARK.caution} caution  ${d.counts.caution}`,
    `  ${MARK.expired} expired  ${d.counts.expired}`,
  ];
  const section = (title: string, list: BatchSummary[], count = list.length) => {
    if (count === 0) return;
    rows.push('', `${title} (${count}):`, ...list.map((b, i) => `  ${i + 1}. ${line(b)}`));
  };
  section('Take off the shelf', d.mustGo);
  section('Last day today', d.expiringToday, d.expiringTodayCount);
  section('Last day tomorrow', d.expiringTomorrow, d.expiringTomorrowCount);
  section('Sell first', d.sellFirst);
  return `${rows.join('\n')}\n`;
}

const status: CliCommand = {
  name: 'batches status',
  usage: 'hearth batches status [--json]',
  summary: 'The freshness dashboard: counts, what expires today and tomorrow, sell first',
  async run(ctx) {
    await ctx.unlock();
    const dashboard = await ctx.client.batches.dashboard({});
    if (ctx.flags.json) printJson(dashboard);
    else printText(formatDashboard(dashboard));
    return EXIT.ok;
  },
};

export const batchesCommands: CliCommand[] = [labelsCommand, importCsv, config, exportCsv, status];
