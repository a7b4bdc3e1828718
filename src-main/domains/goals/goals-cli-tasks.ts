import { createReadStream } from 'node:fs';
import path from 'node:path';
import { ExportFormat, type Task } from '../../../src-shared/domains/goals/goals.schemas';
import { matchByName, parseTaskQuickAdd } from '../../../src-shared/domains/goals/quick-add';
import type { CliCommand } from '../../cli/commands';
import type { CliContext } from '../../cli/context';
import { EXIT, printJson, printLine as out, UsageError } from '../../cli/io';
import { saveExport } from '../../cli/save-export';
import { MAX_TASK_IMPORT_BYTES } from './import';

/** `hearth tasks …`: add in plain words, list, complete, import and export (like todoist-cli and taskwarrior). */

/** The CLI runs in main: the computer's zone is the process's. */
export const systemZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const taskLine = (t: Task): string => {
  const due = t.dueDate ? `  due ${t.dueDate}${t.dueTime ? ` ${t.dueTime}` : ''}` : '';
  const tags = t.tags.length ? `  ${t.tags.map((x) => `#${x}`).join(' ')}` : '';
  return `${t.id}  ${t.completed ? '[x]' : '[ ]'} !${t.priority} ${t.title}${due}${t.rrule ? '  ↻' : ''}${tags}`;
};

const add: CliCommand = {
  name: 'tasks add',
  usage: 'hearth tasks add "pay rent every month on the 1st #finance !2" [--dry-run]',
  summary: 'Add a task in plain words (#tag, !1–!5, +Project, goal:Name, dates and "every …")',
  options: { 'dry-run': { type: 'boolean' } },
  optionHelp: { 'dry-run': 'Show how the line was read, write nothing' },
  async run(ctx, { positionals, values }) {
    const text = positionals.join(' ').trim();
    if (!text) throw new UsageError('What? hearth tasks add "call Ana tomorrow 15:00 !1"');
    await ctx.unlock();
    const [goals, projects] = await Promise.all([ctx.client.goals.listGoals({}), ctx.client.goals.listProjects()]);
    const parsed = parseTaskQuickAdd(text, { now: new Date(), zone: systemZone(), goals, projects });
    if (!parsed.input.title) throw new UsageError(`No title left in "${text}" once the date and markers were read.`);
    for (const w of parsed.warnings) process.stderr.write(`Note: ${w}\n`);
    const task = values['dry-run'] ? null : await ctx.client.goals.createTask({ ...parsed.input, zone: systemZone() });
    if (ctx.flags.json) printJson({ parsed: parsed.input, tokens: parsed.tokens, warnings: parsed.warnings, task });
    else {
      for (const tok of parsed.tokens) out(`  ${tok.kind}: ${tok.text}`);
      out(
        task
          ? `Added "${task.title}" (${task.id})${task.dueDate ? `, due ${task.dueDate}` : ''}${task.rrule ? `, repeating ${task.rrule}` : ''}.`
          : 'Dry run: nothing was written.',
      );
    }
    return EXIT.ok;
  },
};

const list: CliCommand = {
  name: 'tasks list',
  usage: 'hearth tasks list [--today | --all] [--json]',
  summary: 'List open tasks (or today’s, or all including completed)',
  options: { today: { type: 'boolean' }, all: { type: 'boolean' } },
  optionHelp: { today: 'Overdue, due and scheduled today', all: 'Completed tasks too' },
  async run(ctx, { values }) {
    if (values.today && values.all) throw new UsageError('Choose one of --today and --all.');
    await ctx.unlock();
    if (values.today) {
      const day = await ctx.client.goals.today({});
      if (ctx.flags.json) {
        printJson(day);
        return EXIT.ok;
      }
      const groups: Array<[string, Task[]]> = [
        ['Overdue', day.overdue],
        ['Due today', day.due],
        ['Scheduled today', day.scheduled],
      ];
      if (groups.every(([, ts]) => ts.length === 0)) out(`Nothing due on ${day.date}.`);
      for (const [label, ts] of groups) {
        if (ts.length === 0) continue;
        out(`${label}:`);
        for (const t of ts) out(`  ${taskLine(t)}`);
      }
      return EXIT.ok;
    }
    const tasks = await ctx.client.goals.listTasks({ filter: values.all ? { includeCompleted: true } : {}, limit: 5000 });
    if (ctx.flags.json) printJson(tasks);
    else if (tasks.length === 0) out('No tasks.');
    else tasks.forEach((t) => out(taskLine(t)));
    return EXIT.ok;
  },
};

/** A task by id, or by title among open tasks (exact, then prefix, then contained). */
async function findTask(ctx: CliContext, ref: string): Promise<Task> {
  const open = await ctx.client.goals.listTasks({ filter: {}, limit: 5000 });
  const byId = open.find((t) => t.id === ref);
  if (byId) return byId;
  if (/^[0-9A-HJKMNP-TV-Z]{26}$/i.test(ref)) return ctx.client.goals.getTask({ id: ref.toUpperCase() });
  const { item, ambiguous } = matchByName(open, (t) => t.title, ref);
  if (!item) throw new UsageError(`No open task matches "${ref}". Run: hearth tasks list`);
  if (ambiguous) process.stderr.write(`Note: several tasks match "${ref}"; completing "${item.title}".\n`);
  return item;
}

const done: CliCommand = {
  name: 'tasks done',
  usage: 'hearth tasks done ID|TITLE',
  summary: 'Complete a task (a repeating one moves to its next date)',
  async run(ctx, { positionals }) {
    const ref = positionals.join(' ').trim();
    if (!ref) throw new UsageError('Which task? hearth tasks done "pay rent" (or its id)');
    await ctx.unlock();
    const task = await findTask(ctx, ref);
    const res = await ctx.client.goals.completeTask({ id: task.id });
    if (ctx.flags.json) printJson(res);
    else out(`Done: "${res.task.title}"${res.nextDueDate ? `; next due ${res.nextDueDate}` : ''}.`);
    return EXIT.ok;
  },
};

const importCmd: CliCommand = {
  name: 'tasks import',
  usage: 'hearth tasks import FILE [--format todoist|ticktick|ics|hearth] [--dry-run]',
  summary: 'Import a Todoist CSV, TickTick CSV backup, .ics with to-dos or a Hearth goals JSON export',
  options: { format: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  optionHelp: { format: 'The file’s kind (default: told apart by its first lines)', 'dry-run': 'Show what would be imported, write nothing' },
  async run(ctx, { positionals, values }) {
    const file = positionals[0];
    if (!file) throw new UsageError('Which file? hearth tasks import FILE.csv');
    const format = values.format;
    if (format !== undefined && format !== 'todoist' && format !== 'ticktick' && format !== 'ics' && format !== 'hearth')
      throw new UsageError('--format is todoist, ticktick, ics or hearth.');
    await ctx.unlock();
    const ticket = await ctx.client.blobs.uploadTicket({ maxBytes: MAX_TASK_IMPORT_BYTES + 1 });
    const blob = await ctx.core.blobs().upload(ticket.ticket, createReadStream(file));
    const preview = await ctx.client.goals.importPreview({ blobId: blob.id, fileName: path.basename(file), format });
    const committed = values['dry-run'] ? null : await ctx.client.goals.importCommit({ previewId: preview.previewId });
    if (ctx.flags.json) printJson({ preview: { ...preview, previewId: undefined }, committed });
    else {
      out(
        `${path.basename(file)} (${preview.format}): ${preview.tasks} task(s), ${preview.subtasks} sub-task(s), ${preview.completed} completed, ${preview.recurring} repeating, ${preview.duplicates} already here.`,
      );
      if (preview.projects.length) out(`  projects: ${preview.projects.join(', ')}`);
      if (preview.records.length) out(`  records: ${preview.records.map((r) => `${r.count} ${r.kind}`).join(', ')}`);
      for (const s of preview.skipped) out(`  not imported as tasks: ${s.count} ${s.reason}`);
      for (const w of preview.warnings.slice(0, 20)) out(`  note: ${w}`);
      out(
        committed ? `Imported ${committed.tasks} task(s) and ${committed.projects} project(s); skipped ${committed.skipped}.` : 'Dry run: nothing was written.',
      );
    }
    return EXIT.ok;
  },
};

const exportCmd: CliCommand = {
  name: 'tasks export',
  usage: `hearth tasks export --format ${ExportFormat.options.join('|')} --out FILE`,
  summary: 'Export tasks, goals, key results, habits or check-ins (CSV), everything (JSON) or to-dos and milestones (.ics)',
  options: { format: { type: 'string' }, out: { type: 'string' } },
  optionHelp: { format: ExportFormat.options.join(', '), out: 'The file to write' },
  async run(ctx, { values }) {
    const format = ExportFormat.safeParse(values.format);
    if (!format.success) throw new UsageError(`--format is one of ${ExportFormat.options.join(', ')}.`);
    if (typeof values.out !== 'string') throw new UsageError('Where to? --out FILE');
    await ctx.unlock();
    const res = await ctx.client.goals.export({ format: format.data });
    await saveExport(ctx, res.blobId, values.out);
    if (ctx.flags.json) printJson({ file: values.out, rows: res.rows });
    else out(`Exported ${res.rows} row(s) to ${values.out}.`);
    return EXIT.ok;
  },
};

export const taskCommands: CliCommand[] = [add, list, done, importCmd, exportCmd];
