import type { goalsContract } from '../../../src-shared/domains/goals/goals.contract';
import type { z } from 'zod';
import type { ReportResult } from '../../../src-shared/domains/goals/goals.schemas';
import type { CallContext, ServiceOf } from '../../../src-shared/ipc/define';
import { notFound } from '../../../src-shared/ipc/result';
import { newId } from '../../lib/ids';
import { standingCompletions } from './goals-analytics-history';
import type { GoalsCore } from './goals-core';
import { renderReport, type ReportGoal } from './goals-report-pdf';

type GoalsService = ServiceOf<typeof goalsContract>;

/** What the report reads of the other parts: the plan and each goal's detail as the app shows them. */
export interface ReportDeps {
  plans: { handlers: Pick<GoalsService, 'listPdps' | 'listGoals' | 'getGoal'> };
  analytics: unknown;
}

/** The last completed tasks listed per goal. */
export const REPORT_TASKS = 12;
/** The parts' handlers take no notice of the caller; the report is the caller here. */
const INTERNAL: CallContext = { transport: 'cli' };

/**
 * The development plan report (docs/formats.md#goals-report): an A4 PDF with a title page (plan, period, vision, goals
 * with progress bars) and a section per goal (status, progress bar and its formula, key results each with a vector line
 * chart of its history, the last completed tasks, reflections and evidence), page numbers at the foot. Published as a
 * short-lived blob like every export.
 */
export function createReport(core: GoalsCore, deps: ReportDeps) {
  const { handlers } = deps.plans;

  async function lastCompleted(goalIds: readonly string[]): Promise<Map<string, { title: string; at: string }[]>> {
    const db = core.ctx.db();
    const completions = await standingCompletions(db, { goalIds });
    const rows = goalIds.length
      ? await db
          .selectFrom('tasks')
          .select(['id', 'title', 'goal_id'])
          .where('goal_id', 'in', [...goalIds])
          .where('deleted_at', 'is', null)
          .execute()
      : [];
    const byGoal = new Map<string, { title: string; at: string }[]>();
    for (const t of rows) {
      if (!t.goal_id) continue;
      let list = byGoal.get(t.goal_id);
      if (!list) byGoal.set(t.goal_id, (list = []));
      for (const c of completions.get(t.id) ?? []) list.push({ title: t.title, at: c.at });
    }
    for (const list of byGoal.values()) list.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).splice(REPORT_TASKS);
    return byGoal;
  }

  async function pdp(input: { pdpId: string }): Promise<z.output<typeof ReportResult>> {
    const plan = (await handlers.listPdps({}, INTERNAL)).find((p) => p.id === input.pdpId);
    if (!plan) throw notFound('development plan', input.pdpId);
    const listed = await handlers.listGoals({ pdpId: plan.id }, INTERNAL);
    const details = await Promise.all(listed.map((g) => handlers.getGoal({ id: g.id }, INTERNAL)));
    const tasks = await lastCompleted(details.map((g) => g.id));
    const goals: ReportGoal[] = details.map((g) => ({
      title: g.title,
      domain: g.domain,
      why: g.why,
      status: g.status,
      targetDate: g.targetDate,
      progress: g.progress,
      formula: g.breakdown.formula,
      keyResults: g.keyResults.map((k) => ({ ...k, history: k.history.map((h) => ({ at: h.at, value: h.value })) })),
      completedTasks: tasks.get(g.id) ?? [],
      reflections: g.progressLog.filter((l) => l.note.trim() !== '').map((l) => ({ at: l.at, progress: l.progress, note: l.note })),
      evidence: g.evidence.map((e) => ({ kind: e.kind, title: e.title })),
    }));
    const { bytes, pages } = await renderReport({
      plan: { ...plan, domains: plan.domains, periodStart: plan.periodStart, periodEnd: plan.periodEnd },
      goals,
      madeOn: core.today(),
    });
    const name = `${
      plan.title
        .replace(/[^\p{L}\p{N} _.-]+/gu, '')
        .trim()
        .slice(0, 80) || 'plan'
    } report.pdf`;
    const owner = { ownerDomain: 'goals', ownerTable: 'exports', ownerId: newId(), role: 'export' };
    const published = await core.ctx.host.blobs().publish([Buffer.from(bytes)], { name, mime: 'application/pdf', owner });
    return { blobId: published.blobId, url: published.url, ticket: published.ticket, name, rows: goals.length, pages, expiresAt: published.expiresAt };
  }

  return { pdp };
}
