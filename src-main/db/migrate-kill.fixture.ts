// Test helper for migrate-kill.test.ts (docs/security.md#t18): opens the encrypted database exactly as Hearth
// does (key from HEARTH_TEST_DB_KEY, never argv) and migrates it to latest. With a step number it SIGKILLs
// itself right after that step of the run (MigrateOptions.onStep); with 0 it runs to the end. It prints "OPENED"
// once the database is open, and at the end every step as "STEP <json>" so the test knows where it can stop.
import { createKysely, openSqlite } from './connection';
import { migrateToLatest } from './migrator';

async function main(): Promise<void> {
  const [file, killAt] = process.argv.slice(2) as [string, string];
  const kill = Number(killAt);
  const sqlite = openSqlite(file, { keyPragma: `x'${process.env.HEARTH_TEST_DB_KEY ?? ''}'`, label: 'hearth.db', create: false });
  process.stdout.write('OPENED\n');
  const steps: string[] = [];
  await migrateToLatest(createKysely(sqlite), undefined, {
    onStep: (step) => {
      if (step.n === kill) process.kill(process.pid, 'SIGKILL');
      steps.push(`STEP ${JSON.stringify(step)}\n`);
    },
  });
  sqlite.close();
  process.stdout.write(steps.join(''));
}

void main();
