import { promises as fs } from 'node:fs';
import type { BatchSummary } from '../../../src-shared/domains/batches/batches.schemas';
import { LabelTemplateId } from '../../../src-shared/domains/batches/batches.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import type { CliCommand } from '../../cli/commands';
import type { CliContext } from '../../cli/context';
import { EXIT, printJson, printLine, UsageError } from '../../cli/io';
import { positiveInt, requireString } from './batches-cli-args';
import { parseCsvRows } from '../../../src-shared/lib/csv';
import { BATCH_CSV_LIMITS } from '../../../src-shared/lib/limits';

/** `hearth batches labels`: one PDF for one lot, several `--lot`s, every batch on the shelf, or a CSV of lots and copies. */

interface Wanted {
  lot: string;
  product?: string;
  copies: number;
}

/** Rows of a `lot,copies[,product]` CSV (header required; copies default to `--copies`). */
function wantedFromCsv(text: string, copies: number): Wanted[] {
  const [header = [], ...rows] = parseCsvRows(text, BATCH_CSV_LIMITS);
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name);
  const [lotAt, copiesAt, productAt] = [col('lot'), col('copies'), col('product')];
  if (lotAt < 0) throw new UsageError('The CSV needs a header row with a "lot" column (and optionally "copies" and "product").');
  const wanted: Wanted[] = [];
  rows.forEach((row, i) => {
    const lot = row[lotAt]?.trim() ?? '';
    if (row.length === 0 || lot === '') return;
    const product = productAt >= 0 ? row[productAt]?.trim() || undefined : undefined;
    const raw = copiesAt >= 0 ? row[copiesAt]?.trim() || undefined : undefined;
    wanted.push({ lot, product, copies: positiveInt(raw, `copies on CSV row ${i + 2}`, copies) });
  });
  if (wanted.length === 0) throw new UsageError('The CSV lists no lots.');
  return wanted;
}

/** The one batch per wanted lot (of the named product when several products use the lot), in order. */
function resolveLots(all: BatchSummary[], wanted: Wanted[]): BatchSummary[] {
  const byLot = new Map<string, BatchSummary[]>();
  for (const b of all) byLot.set(b.lot, [...(byLot.get(b.lot) ?? []), b]);
  return wanted.map(({ lot, product }) => {
    const name = product?.toLowerCase();
    const matches = (byLot.get(lot) ?? []).filter((b) => name === undefined || b.productName.toLowerCase() === name);
    if (matches.length === 0) throw new AppError('NOT_FOUND', `No batch with lot ${lot}${product ? ` for ${product}` : ''}.`);
    if (matches.length > 1) {
      throw new UsageError(`Lot ${lot} exists for ${matches.map((b) => b.productName).join(', ')}; choose one with --product NAME.`);
    }
    return matches[0] as BatchSummary;
  });
}

const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

export const labelsCommand: CliCommand = {
  name: 'batches labels',
  usage:
    'hearth batches labels (--lot LOT [--lot LOT …] [--product NAME] | --all-active | --csv FILE) --template ID [--copies N] [--start-at K] --out FILE.pdf',
  summary: 'Print batch labels to one PDF (exact page size): one lot, several, all on the shelf, or a CSV of lot,copies',
  options: {
    lot: { type: 'string', multiple: true },
    product: { type: 'string' },
    'all-active': { type: 'boolean' },
    csv: { type: 'string' },
    template: { type: 'string' },
    copies: { type: 'string' },
    'start-at': { type: 'string' },
    out: { type: 'string' },
  },
  optionHelp: {
    lot: 'A lot to print labels for (repeat for several)',
    product: 'The product, when several products use the same lot',
    'all-active': 'Labels for every batch on the shelf (--copies each)',
    csv: 'A CSV of lot,copies[,product] (header row required)',
    template: `The label template: ${LabelTemplateId.options.join(', ')}`,
    copies: 'Labels per lot (default 1; a CSV copies column overrides it)',
    'start-at': 'Where the first label goes on a partly used sheet, counting from 1 (default 1)',
    out: 'The PDF file to write',
  },
  async run(ctx: CliContext, { values }) {
    const file = requireString(values.out, '--out FILE.pdf');
    const lots = stringList(values.lot);
    const sources = [lots.length > 0, values['all-active'] === true, values.csv !== undefined].filter(Boolean).length;
    if (sources !== 1) throw new UsageError('Choose the labels with --lot LOT (repeatable), --all-active or --csv FILE.');
    const template = values.template === undefined ? undefined : LabelTemplateId.safeParse(values.template);
    if (template && !template.success)
      throw new UsageError(`Unknown template "${String(values.template)}". Use one of: ${LabelTemplateId.options.join(', ')}.`);
    const copies = positiveInt(values.copies, '--copies', 1);
    const csvFile = values.csv === undefined ? undefined : requireString(values.csv, '--csv FILE');
    const csvText =
      csvFile === undefined
        ? undefined
        : await fs.readFile(csvFile, 'utf8').catch(() => {
            throw new UsageError(`Cannot read ${csvFile}.`);
          });
    await ctx.unlock();
    const activeOnly = values['all-active'] === true;
    const list = await ctx.client.batches.list({ includeInactive: !activeOnly, limit: 5000, sort: 'fefo' });
    const product = values.product as string | undefined;
    const wanted = csvText !== undefined ? wantedFromCsv(csvText, copies) : lots.map((lot) => ({ lot, product, copies }));
    const batches = activeOnly ? list.items : resolveLots(list.items, wanted);
    if (batches.length === 0) throw new AppError('NOT_FOUND', 'There are no batches on the shelf to print labels for.');
    const job = await ctx.client.batches.printLabels({
      batchIds: batches.map((b) => b.id),
      template: template?.data,
      startAt: positiveInt(values['start-at'], '--start-at', 1),
      ...(activeOnly ? { copies } : { copiesEach: wanted.map((w) => w.copies) }),
    });
    // The CLI is main: it writes the stored PDF straight to the file (atomically), no ticket and no base64.
    await ctx.core.blobs().store.exportTo(job.blobId, file);
    const [only] = batches;
    const what = batches.length === 1 && only ? `${only.productName} lot ${only.lot}` : `${batches.length} lots`;
    if (ctx.flags.json)
      printJson({
        file,
        jobId: job.jobId,
        labels: job.labels,
        pages: job.pages,
        batchIds: batches.map((b) => b.id),
        ...(only && batches.length === 1 ? { batchId: only.id } : {}),
      });
    else printLine(`Wrote ${job.labels} label${job.labels === 1 ? '' : 's'} for ${what} on ${job.pages} page${job.pages === 1 ? '' : 's'} to ${file}.`);
    return EXIT.ok;
  },
};
