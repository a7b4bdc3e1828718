import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { routerClient } from '../app/router-client';
import { writeSampleMbox } from '../domains/email/email-sample-mbox';
import { workerEntry } from '../lib/worker-pool';
import { cpuSeconds, EMAIL_GROUP, plainReadMiBps, rssSampler } from './email-bench-core';
import { benchEmailExport } from './email-export.bench';
import { benchEmailSearch } from './email-search.bench';
import { benchCore, JOURNAL_PASSWORD } from './journal-bench-core';
import { msSince, progress, timeAsync, type Measurement } from './measure';

/**
 * The email section (issue 12), one fresh encrypted profile through the real module, router and worker pool:
 * a generated mbox (email-sample-mbox.ts, seed 12) is imported with `email:importStart` (wait), then searched
 * (email-search.bench.ts) and exported as mbox (email-export.bench.ts). Same-run baseline for the throughput rows:
 * the file read through a plain stream (`cat file > /dev/null`). Call from bench.ts:
 *   const email = await benchEmail({ root: subdir(tmp, 'email'), messages: 100_000, searches: 200 });
 * `--quick` or `HEARTH_BENCH_EMAIL_MESSAGES=10000` for a shorter run.
 */
export interface EmailBenchOptions {
  root: string;
  messages: number;
  searches: number;
}

/** bench.ts runs {@link emailMboxChild} when this flag is in argv (the sample mbox is written in a child process). */
export const EMAIL_MBOX_CHILD_FLAG = '--email-mbox-child';
export const IMPORT_MSGS_PER_S = 2000;
/** The issue's "RSS < 300 MB", in MiB. */
export const IMPORT_RSS_MIB = 300e6 / 2 ** 20;
const SEED = 12;
const execFileAsync = promisify(execFile);

/** The child: writes the sample mbox (`<file> <messages> <seed>`) and prints `{ bytes, messages }` as JSON. */
export async function emailMboxChild(args: readonly string[]): Promise<void> {
  const [file, messages, seed] = args;
  process.stdout.write(JSON.stringify(await writeSampleMbox(file!, { messages: Number(messages), seed: Number(seed) })));
}

export async function benchEmail(opts: EmailBenchOptions): Promise<{ measurements: Measurement[]; notes: string[] }> {
  workerEntry(); // the parse runs in a worker job: fails here, clearly, when dist/main/worker.cjs was not built
  const mbox = path.join(opts.root, 'sample.mbox');
  const n = opts.messages.toLocaleString('en-US');
  progress(`  email: writing a ${n}-message mbox`);
  let written = { bytes: 0, messages: 0 };
  // In a child process, so the strings it makes leave no heap behind in this one's RSS.
  const generateMs = await timeAsync(async () => {
    const child = await execFileAsync(process.execPath, [process.argv[1]!, EMAIL_MBOX_CHILD_FLAG, mbox, String(opts.messages), String(SEED)], {
      encoding: 'utf8',
    });
    written = JSON.parse(child.stdout) as typeof written;
  });
  const mib = written.bytes / 2 ** 20;
  const size = mib >= 1024 ? `${(mib / 1024).toFixed(2)} GiB` : `${mib.toFixed(0)} MiB`;

  const core = benchCore(path.join(opts.root, 'profiles'));
  const client = routerClient(core, 'cli');
  try {
    await client.profile.create({ name: 'Email bench', password: JOURNAL_PASSWORD });
    const readMiBps = await plainReadMiBps(mbox);
    progress(`  email: import of ${n} messages (${size})`);
    const rss = rssSampler();
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const run = await client.email.importStart({ source: { kind: 'path', path: mbox }, wait: true });
    const importMs = msSince(started);
    const cpuS = cpuSeconds(cpu);
    const mem = rss.stop();
    const complete = run.state === 'done' && run.imported + run.duplicates + run.unparsed === opts.messages;
    const perS = opts.messages / (importMs / 1000);
    const importMiBps = mib / (importMs / 1000);
    const measurements: Measurement[] = [
      { group: EMAIL_GROUP, name: `write the sample mbox: ${n} messages, ${size} (not timed below)`, value: mib / (generateMs / 1000), unit: 'MiB/s' },
      {
        group: EMAIL_GROUP,
        name: `import ${n}-message mbox (${size}), email:importStart wait${complete ? '' : ' — INCOMPLETE, see notes'}`,
        value: perS,
        unit: 'ops/s',
        target: `≥ ${IMPORT_MSGS_PER_S.toLocaleString('en-US')} msg/s`,
        pass: complete && perS >= IMPORT_MSGS_PER_S,
      },
      {
        group: EMAIL_GROUP,
        name: 'import throughput (baseline: plain read stream of the file, cat > /dev/null)',
        value: importMiBps,
        unit: 'MiB/s',
        baseline: readMiBps,
        ratio: importMiBps / readMiBps,
      },
      {
        group: EMAIL_GROUP,
        name: `import peak RSS (process + workers, sampled; ${mem.startMiB.toFixed(0)} MiB before, +${(mem.peakMiB - mem.startMiB).toFixed(0)} MiB)`,
        value: mem.peakMiB,
        unit: 'MiB',
        target: '< 286 MiB (300 MB)',
        pass: mem.peakMiB < IMPORT_RSS_MIB,
      },
    ];
    const notes = [
      `email import: run ${run.state}, ${run.imported} imported, ${run.duplicates} duplicates, ${run.unparsed} unparsed of ${opts.messages}${run.error ? ` (${run.error})` : ''}; ${(importMs / 1000).toFixed(1)} s (CPU ${cpuS.toFixed(1)} s, all threads: ${(opts.messages / cpuS).toFixed(0)} msg per CPU second).`,
    ];

    progress(`  email: ${opts.searches} searches over the archive`);
    const search = await benchEmailSearch(core, client, opts.searches);
    progress('  email: export of the archive as mbox');
    const exported = await benchEmailExport(client, { root: opts.root, mbox, mib });
    return { measurements: [...measurements, ...search.measurements, ...exported.measurements], notes: [...notes, ...search.notes, ...exported.notes] };
  } finally {
    core.shutdown();
  }
}
