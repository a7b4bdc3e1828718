import type { Goal, Pdp } from '../../../src-shared/domains/goals/goals.schemas';
import { matchByName } from '../../../src-shared/domains/goals/quick-add';
import type { CliCommand } from '../../cli/commands';
import type { CliContext } from '../../cli/context';
import { EXIT, printJson, printLine as out, UsageError } from '../../cli/io';
import { saveExport } from '../../cli/save-export';
import { taskCommands } from './goals-cli-tasks';

/** `hearth goals list|progress` and `hearth report pdp`; the `hearth tasks …` commands are in goals-cli-tasks.ts. */

const pct = (n: number): string => `${Math.round(n)} %`;

/** A goal by id or title (exact, then prefix, then contained). */
async function findGoal(ctx: CliContext, ref: string): Promise<Goal> {
  const goals = await ctx.client.goals.listGoals({});
  const found = goals.find((g) => g.id === ref) ?? matchByName(goals, (g) => g.title, ref).item;
  if (!found) throw new UsageError(`No goal matches "${ref}". Run: hearth goals list`);
  return found;
}

const list: CliCommand = {
  name: 'goals list',
  usage: 'hearth goals list [--json]',
  summary: 'List goals with their progress',
  async run(ctx) {
    await ctx.unlock();
    const goals = await ctx.client.goals.listGoals({});
    if (ctx.flags.json) printJson(goals);
    else if (goals.length === 0) out('No goals yet.');
    else
      for (const g of goals) {
        out(
          `${g.id}  ${g.title}  ${pct(g.progress)}  ${g.status}${g.targetDate ? `  by ${g.targetDate}` : ''}  tasks ${g.doneTasks}/${g.openTasks + g.doneTasks}`,
        );
      }
    return EXIT.ok;
  },
};

const progress: CliCommand = {
  name: 'goals progress',
  usage: 'hearth goals progress GOAL [--json]',
  summary: 'A goal’s progress and how it was computed',
  async run(ctx, { positionals }) {
    const ref = positionals.join(' ').trim();
    if (!ref) throw new UsageError('Which goal? hearth goals progress "Learn Spanish" (or its id)');
    await ctx.unlock();
    const goal = await ctx.client.goals.getGoal({ id: (await findGoal(ctx, ref)).id });
    if (ctx.flags.json) printJson({ id: goal.id, title: goal.title, ...goal.breakdown });
    else {
      out(`${goal.title}: ${pct(goal.breakdown.progress)}`);
      out(`  ${goal.breakdown.formula}`);
      for (const p of goal.breakdown.parts) out(`  - ${p.label}: ${pct(p.progress)}`);
    }
    return EXIT.ok;
  },
};

async function findPlan(ctx: CliContext, ref: string | undefined): Promise<Pdp> {
  const plans = await ctx.client.goals.listPdps();
  if (ref) {
    const found = plans.find((p) => p.id === ref) ?? matchByName(plans, (p) => p.title, ref).item;
    if (!found) throw new UsageError(`No development plan matches "${ref}".`);
    return found;
  }
  if (plans.length === 1) return plans[0]!;
  throw new UsageError(
    plans.length === 0 ? 'No development plans yet.' : `There are ${plans.length} plans; name one: hearth report pdp "2026 plan" --out report.pdf`,
  );
}

const report: CliCommand = {
  name: 'report pdp',
  usage: 'hearth report pdp [PLAN] --out report.pdf',
  summary: 'A development plan report as PDF (goals, key results, progress)',
  options: { out: { type: 'string' } },
  optionHelp: { out: 'The PDF file to write' },
  async run(ctx, { positionals, values }) {
    if (typeof values.out !== 'string') throw new UsageError('Where to? --out report.pdf');
    await ctx.unlock();
    const plan = await findPlan(ctx, positionals.join(' ').trim() || undefined);
    const res = await ctx.client.goals.report({ pdpId: plan.id });
    await saveExport(ctx, res.blobId, values.out);
    if (ctx.flags.json) printJson({ file: values.out, pages: res.pages, plan: plan.id });
    else out(`Wrote "${plan.title}" (${res.pages} page(s)) to ${values.out}.`);
    return EXIT.ok;
  },
};

export const goalsCommands: CliCommand[] = [...taskCommands, list, progress, report];
