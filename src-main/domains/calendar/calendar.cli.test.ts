import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, hearth, ok } from '../../test/cli';
import { tempRoot } from '../../test/helpers';

describe('calendar.cli', () => {
  beforeAll(() => {
    assertCliBuilt();
  });

  it('adds in plain words and with options, shows the agenda, exports and imports an .ics (dry run, then for real)', async () => {
    const home = tempRoot();
    const pw = path.join(home, 'pw.txt');
    writeFileSync(pw, 'cli-calendar-password\n');
    // The CLI is main: its zone is the process's.
    const env = { HEARTH_HOME: home, HEARTH_PASSWORD: 'cli-calendar-password', TZ: 'Europe/Berlin' };
    ok(await hearth(['profile', 'create', '--name', 'Plans', '--password-file', pw], env));

    const added = ok(
      await hearth(['calendar', 'add', '--title', 'Team sync', '--start', '2030-03-04T09:00', '--rrule', 'FREQ=WEEKLY;BYDAY=MO', '--location', 'Room 4'], env),
    );
    expect(added.stdout).toMatch(/Added "Team sync" \(\w{26}\) to Calendar, repeating FREQ=WEEKLY;BYDAY=MO\./);
    const plain = JSON.parse(ok(await hearth(['calendar', 'add', 'lunch with Ana fri 13:00 at Café Luz', '--json'], env)).stdout);
    expect(plain).toMatchObject({ title: 'Lunch with Ana', location: 'Café Luz', start: { kind: 'zoned', tz: 'Europe/Berlin' } });
    expect(plain.start.local).toMatch(/T13:00:00$/);
    expect((await hearth(['calendar', 'add', 'no time here at all'], env)).code).toBe(2);
    expect((await hearth(['calendar', 'add', '--title', 'x', '--start', 'tomorrowish'], env)).code).toBe(2);

    const agenda = ok(await hearth(['calendar', 'agenda', '--from', '2030-03-29', '--days', '7'], env)).stdout;
    // The Monday after the switch to summer time is still at 09:00 Berlin.
    expect(agenda).toContain('2030-04-01\n  09:00–10:00  Team sync  @ Room 4  ↻');
    const json = JSON.parse(ok(await hearth(['calendar', 'agenda', '--from', '2030-03-04', '--days', '1', '--json'], env)).stdout);
    expect(json.map((o: { start: string }) => o.start)).toEqual(['2030-03-04T08:00:00.000Z']);
    expect((await hearth(['calendar', 'agenda', '--days', '0'], env)).code).toBe(2);

    const file = path.join(home, 'out.ics');
    expect(ok(await hearth(['calendar', 'export', '--out', file], env)).stdout).toContain('Exported 2 event(s)');
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO');

    const dry = JSON.parse(ok(await hearth(['calendar', 'import', file, '--dry-run', '--json'], env)).stdout);
    expect(dry.preview).toMatchObject({ events: 2, recurring: 1, duplicates: 0 });
    expect(dry.committed).toBeNull();
    expect(ok(await hearth(['calendar', 'import', file], env)).stdout).toContain('Imported 2 event(s)');
    const cals = JSON.parse(ok(await hearth(['calendar', 'list', '--json'], env)).stdout) as { name: string; eventCount: number }[];
    expect(cals.map((c) => [c.name, c.eventCount])).toEqual([
      ['Calendar', 2],
      ['Calendar', 2],
    ]);
    const again = JSON.parse(ok(await hearth(['calendar', 'import', file, '--calendar', 'Calendar', '--json'], env)).stdout);
    expect(again.preview.duplicates).toBe(2);
    expect(again.committed).toMatchObject({ events: 0, skipped: 2 });
    expect((await hearth(['calendar', 'import', path.join(home, 'missing.ics')], env)).code).not.toBe(0);
  }, 120_000);
});
