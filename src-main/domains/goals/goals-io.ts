import type { z } from 'zod';
import type { ImportCommitInput, ImportPreview, ImportPreviewInput, ImportResult } from '../../../src-shared/domains/goals/goals.schemas';
import { assertTaskRule } from '../../../src-shared/domains/goals/task-repeat';
import { AppError } from '../../../src-shared/ipc/result';
import { readBlobBytes } from '../../blobs/read-blob';
import { newId } from '../../lib/ids';
import type { GoalsCore } from './goals-core';
import { createGoalsExport } from './goals-export';
import { checkImportSize, readTaskFile, type ParsedImport, type TaskFile } from './import';
import { existingSourceIds, writeImport } from './import/commit';
import { writeHearthImport } from './import/hearth-commit';
import { previewHearth } from './import/hearth-preview';
import { warn } from './import/types';

/** A preview waits this long for its commit; only the latest one is kept (and none after a lock). */
const PREVIEW_TTL_MS = 30 * 60_000;
const SAMPLE = 10;

interface Pending {
  id: string;
  read: TaskFile;
  expiresAt: number;
}

/** A rule the task engine would refuse is dropped (with a warning) rather than failing the whole import. */
function checkRules(p: ParsedImport, today: string): void {
  for (const t of p.tasks) {
    if (!t.rrule) continue;
    try {
      assertTaskRule(t.rrule, t.dueDate ?? today);
    } catch (e) {
      warn(p, `"${t.title.slice(0, 60)}": the repeat rule ${t.rrule.slice(0, 80)} was dropped (${e instanceof Error ? e.message : 'not usable'}).`);
      t.rrule = null;
    }
  }
}

/** Task import (dry-run preview kept in memory, then one transaction) and the goals' exports. */
export function createGoalsIo(core: GoalsCore) {
  const { ctx } = core;
  let pending: Pending | null = null;
  const exporter = createGoalsExport(core);

  async function preview(input: z.output<typeof ImportPreviewInput>): Promise<z.input<typeof ImportPreview>> {
    const store = ctx.host.blobs().store;
    // The stored size first: a file over the cap is refused before a byte of it is decrypted.
    checkImportSize((await store.get(input.blobId)).size);
    const bytes = await readBlobBytes(store, input.blobId);
    const read = readTaskFile(bytes, { nowMs: ctx.now(), zone: core.zone(), fileName: input.fileName }, input.format);
    if (read.kind === 'hearth') {
      pending = { id: newId(), read, expiresAt: ctx.now() + PREVIEW_TTL_MS };
      return previewHearth(ctx.db(), read.file, pending.id, core.zone(), core.today());
    }
    const parsed = read.parsed;
    checkRules(parsed, core.today());
    const existing = await existingSourceIds(
      ctx.db(),
      parsed.format,
      parsed.tasks.map((t) => t.sourceId),
    );
    pending = { id: newId(), read, expiresAt: ctx.now() + PREVIEW_TTL_MS };
    const projectName = new Map(parsed.projects.map((pr) => [pr.key, pr.name]));
    const tags = new Map<string, string>();
    for (const t of parsed.tasks) for (const tag of t.tags) if (!tags.has(tag.toLowerCase())) tags.set(tag.toLowerCase(), tag);
    return {
      previewId: pending.id,
      format: parsed.format,
      tasks: parsed.tasks.length,
      subtasks: parsed.tasks.filter((t) => t.parentSourceId).length,
      completed: parsed.tasks.filter((t) => t.completedAt).length,
      recurring: parsed.tasks.filter((t) => t.rrule).length,
      projects: parsed.projects.map((pr) => pr.name),
      tags: [...tags.values()].sort((a, b) => a.localeCompare(b)),
      duplicates: parsed.tasks.filter((t) => existing.has(t.sourceId)).length,
      skipped: [...parsed.skipped].map(([reason, count]) => ({ reason, count })),
      warnings: parsed.warnings,
      sample: parsed.tasks.slice(0, SAMPLE).map((t) => ({
        title: t.title,
        dueDate: t.dueDate,
        priority: t.priority,
        tags: t.tags,
        project: t.projectKey ? (projectName.get(t.projectKey) ?? null) : null,
        depth: t.depth,
      })),
    };
  }

  async function commit(input: z.output<typeof ImportCommitInput>): Promise<z.input<typeof ImportResult>> {
    const p = pending;
    if (!p || p.id !== input.previewId || p.expiresAt < ctx.now()) throw new AppError('NOT_FOUND', 'This import preview has expired. Choose the file again.');
    pending = null;
    const read = p.read;
    return ctx.write((trx) => (read.kind === 'hearth' ? writeHearthImport(core, trx, read.file) : writeImport(core, trx, read.parsed)));
  }

  return { preview, commit, exportAs: exporter.exportAs, clear: () => void (pending = null) };
}
export type GoalsIo = ReturnType<typeof createGoalsIo>;
