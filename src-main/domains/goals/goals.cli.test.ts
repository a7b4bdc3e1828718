import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, hearth, ok } from '../../test/cli';
import { fixturePath, itWithFixtures } from '../../test/fixtures';
import { tempRoot } from '../../test/helpers';

/** `hearth tasks …`, `hearth goals …` and `hearth report pdp` on the built CLI, against a real profile. */

describe('goals.cli', () => {
  beforeAll(() => {
    assertCliBuilt();
  });

  it('adds tasks in plain words, lists them, completes one by title and a repeating one moves on', async () => {
    const home = tempRoot();
    const env = { HEARTH_HOME: home, HEARTH_PASSWORD: 'cli-goals-password', TZ: 'Europe/Berlin' };
    const pw = path.join(home, 'pw.txt');
    writeFileSync(pw, 'cli-goals-password\n');
    ok(await hearth(['profile', 'create', '--name', 'Plans', '--password-file', pw], env));

    const rent = JSON.parse(ok(await hearth(['tasks', 'add', 'pay rent every month on the 1st #finance !2', '--json'], env)).stdout);
    expect(rent.parsed).toMatchObject({ rrule: 'FREQ=MONTHLY;BYMONTHDAY=1', priority: 2, tags: ['finance'] });
    expect(rent.task).toMatchObject({ rrule: 'FREQ=MONTHLY;BYMONTHDAY=1', priority: 2, tags: ['finance'], zone: 'Europe/Berlin' });
    expect(rent.task.dueDate).toMatch(/^\d{4}-\d{2}-01$/);
    expect(rent.tokens.map((t: { kind: string }) => t.kind).sort()).toEqual(['priority', 'repeat', 'tag']);

    const call = ok(await hearth(['tasks', 'add', 'call Ana tomorrow 15:00'], env)).stdout;
    expect(call).toMatch(/Added ".*" \(\w{26}\), due \d{4}-\d{2}-\d{2}\./);
    const dry = ok(await hearth(['tasks', 'add', 'water plants !1', '--dry-run'], env)).stdout;
    expect(dry).toContain('priority: !1');
    expect(dry).toContain('Dry run: nothing was written.');

    const open = JSON.parse(ok(await hearth(['tasks', 'list', '--json'], env)).stdout) as { title: string; priority: number }[];
    expect(open).toHaveLength(2);
    const text = ok(await hearth(['tasks', 'list'], env)).stdout;
    expect(text).toMatch(/\w{26} {2}\[ \] !2 .*rent.*due \d{4}-\d{2}-01 {2}↻ {2}#finance/i);

    expect(ok(await hearth(['tasks', 'done', 'call ana'], env)).stdout).toMatch(/^Done: ".*Ana.*"\.$/m);
    const moved = ok(await hearth(['tasks', 'done', rent.task.id], env)).stdout;
    expect(moved).toMatch(/; next due \d{4}-\d{2}-01\./);
    const all = JSON.parse(ok(await hearth(['tasks', 'list', '--all', '--json'], env)).stdout) as { completed: boolean }[];
    expect(all.filter((t) => t.completed)).toHaveLength(1);
    expect(JSON.parse(ok(await hearth(['tasks', 'list', '--today', '--json'], env)).stdout)).toHaveProperty('overdue');

    // Bad input exits 2; a wrong password 3.
    expect((await hearth(['tasks', 'add', '   '], env)).code).toBe(2);
    expect((await hearth(['tasks', 'done', 'no such task anywhere'], env)).code).toBe(2);
    expect((await hearth(['tasks', 'list', '--today', '--all'], env)).code).toBe(2);
    expect((await hearth(['tasks', 'export', '--format', 'xlsx', '--out', path.join(home, 'x')], env)).code).toBe(2);
    expect((await hearth(['tasks', 'list'], { ...env, HEARTH_PASSWORD: 'wrong password' })).code).toBe(3);
  }, 180_000);

  itWithFixtures(
    'imports (dry run, then for real, then again as duplicates), exports, shows goal progress and writes the PDP report',
    async () => {
      const home = tempRoot();
      const env = { HEARTH_HOME: home, HEARTH_PASSWORD: 'cli-goals-password', TZ: 'Europe/Berlin' };
      const pw = path.join(home, 'pw.txt');
      writeFileSync(pw, 'cli-goals-password\n');
      ok(await hearth(['profile', 'create', '--name', 'Plans', '--password-file', pw], env));
      const file = fixturePath('tasks', 'ticktick', 'vikunja-ticktick_export.csv');

      const dry = JSON.parse(ok(await hearth(['tasks', 'import', file, '--dry-run', '--json'], env)).stdout);
      expect(dry.preview).toMatchObject({ format: 'ticktick', tasks: 11, subtasks: 2, completed: 2, duplicates: 0 });
      expect(dry.committed).toBeNull();
      const real = ok(await hearth(['tasks', 'import', file], env)).stdout;
      expect(real).toContain('vikunja-ticktick_export.csv (ticktick): 11 task(s), 2 sub-task(s), 2 completed');
      expect(real).toContain('Imported 11 task(s) and 5 project(s); skipped 0.');
      const again = JSON.parse(ok(await hearth(['tasks', 'import', file, '--json'], env)).stdout);
      expect(again.preview.duplicates).toBe(11);
      expect(again.committed).toEqual({ tasks: 0, projects: 0, skipped: 11 });
      expect((await hearth(['tasks', 'import', path.join(home, 'missing.csv')], env)).code).not.toBe(0);
      const junk = path.join(home, 'junk.csv');
      writeFileSync(junk, Buffer.from([0, 1, 2, 3, 255, 254, 0, 7]));
      expect((await hearth(['tasks', 'import', junk], env)).code).toBe(2);

      const csv = path.join(home, 'tasks.csv');
      expect(ok(await hearth(['tasks', 'export', '--format', 'tasks-csv', '--out', csv], env)).stdout).toBe(`Exported 11 row(s) to ${csv}.\n`);
      expect(readFileSync(csv, 'utf8').split('\r\n')[0]).toMatch(/^\ufeffid,title,notes,status,priority,due_date/);

      const plan = JSON.parse(ok(await hearth(['call', 'goals.createPdp', '{"title":"Plan 2026","vision":"Fit and fluent"}'], env)).stdout);
      const goal = JSON.parse(ok(await hearth(['call', 'goals.createGoal', JSON.stringify({ pdpId: plan.id, title: 'Learn Spanish' })], env)).stdout);
      const kr = { goalId: goal.id, title: 'Lessons', startValue: 0, targetValue: 10, currentValue: 4 };
      ok(await hearth(['call', 'goals.createKeyResult', JSON.stringify(kr)], env));
      expect(ok(await hearth(['goals', 'list'], env)).stdout).toMatch(new RegExp(`^${goal.id} {2}Learn Spanish {2}40 % {2}active`, 'm'));
      const progress = ok(await hearth(['goals', 'progress', 'spanish'], env)).stdout;
      expect(progress).toMatch(/^Learn Spanish: 40 %\n {2}.*40 %/);
      const pj = JSON.parse(ok(await hearth(['goals', 'progress', goal.id, '--json'], env)).stdout);
      expect(pj).toMatchObject({ id: goal.id, progress: 40 });
      expect(typeof pj.formula).toBe('string');
      expect((await hearth(['goals', 'progress', 'Knitting'], env)).code).toBe(2);

      const pdf = path.join(home, 'report.pdf');
      expect(ok(await hearth(['report', 'pdp', '--out', pdf], env)).stdout).toMatch(/^Wrote "Plan 2026" \(\d+ page\(s\)\) to /);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      const pdfText = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      expect(pdfText).toContain('Plan 2026');
      expect(pdfText).toContain('Learn Spanish');
      expect((await hearth(['report', 'pdp', 'Nope', '--out', pdf], env)).code).toBe(2);
    },
    240_000,
  );
});
