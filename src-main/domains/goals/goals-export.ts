import type { z } from 'zod';
import type { ExportInput, ExportResult } from '../../../src-shared/domains/goals/goals.schemas';
import { newId } from '../../lib/ids';
import type { GoalsCore } from './goals-core';
import { loadGoalsData } from './goals-export-data';
import { goalsIcs } from './goals-export-ics';
import { goalsCsv, goalsJson } from './goals-export-tables';

const FILES = {
  'tasks-csv': { name: 'tasks.csv', mime: 'text/csv' },
  'goals-csv': { name: 'goals.csv', mime: 'text/csv' },
  'key-results-csv': { name: 'key-results.csv', mime: 'text/csv' },
  'habits-csv': { name: 'habits.csv', mime: 'text/csv' },
  'checkins-csv': { name: 'habit-checkins.csv', mime: 'text/csv' },
  json: { name: 'hearth-goals.json', mime: 'application/json' },
  ics: { name: 'hearth-tasks.ics', mime: 'text/calendar' },
} as const;

/** Exports of the goals module: built in memory from one read of the tables, handed over as a published blob. */
export function createGoalsExport(core: GoalsCore) {
  const { ctx } = core;

  async function exportAs(input: z.output<typeof ExportInput>): Promise<z.input<typeof ExportResult>> {
    const data = await loadGoalsData(ctx.db());
    const { text, rows } =
      input.format === 'json' ? goalsJson(data, core.iso()) : input.format === 'ics' ? goalsIcs(data, ctx.now()) : goalsCsv(input.format, data);
    const file = FILES[input.format];
    const owner = { ownerDomain: 'goals', ownerTable: 'exports', ownerId: newId(), role: 'export' };
    const published = await ctx.host.blobs().publish([Buffer.from(text, 'utf8')], { name: file.name, mime: file.mime, owner });
    return { blobId: published.blobId, url: published.url, ticket: published.ticket, name: file.name, rows, expiresAt: published.expiresAt };
  }

  return { exportAs };
}
